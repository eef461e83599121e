using Masip.Probation.People;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.Mappa.Recording;

public enum MappaEventKind { Considered, Referred, Accepted, CategorySet, ReviewSet }

public sealed record RecordMappa(Guid PersonId, MappaEventKind Kind, int? Category, int? Level, DateOnly? ReviewDate, string? Rationale);

public static class RecordMappaDecision
{
    public static readonly IReadOnlyDictionary<string, MappaEventKind> Kinds = new Dictionary<string, MappaEventKind>
    {
        ["considered"] = MappaEventKind.Considered,
        ["referred"] = MappaEventKind.Referred,
        ["accepted"] = MappaEventKind.Accepted,
        ["category-set"] = MappaEventKind.CategorySet,
        ["review-set"] = MappaEventKind.ReviewSet,
    };

    /// <summary>
    /// MAPPA category 1..3 (DOMAIN.md: 2 is twelve months' custody or more; 3, others who pose a
    /// risk: stalkers must be considered) and level 1..3. A referral is accepted only once made.
    /// </summary>
    public static IReadOnlyList<object> Decide(Person person, RecordMappa command, DateTimeOffset now)
    {
        if (command.Category is { } c && c is < 1 or > 3)
            throw new InvalidFieldException("category", "must be 1, 2 or 3");
        if (command.Level is { } l && l is < 1 or > 3)
            throw new InvalidFieldException("level", "must be 1, 2 or 3");
        var mappa = person.Mappa;
        switch (command.Kind)
        {
            case MappaEventKind.Considered:
                var rationale = command.Rationale ?? throw new InvalidFieldException("rationale", "is required when recording a MAPPA consideration");
                return [new MappaConsidered(person.Id, person.PerpetratorId, rationale, now)];
            case MappaEventKind.Referred:
                return mappa.Referral != MappaReferral.None
                    ? []
                    : [new MappaReferralMade(person.Id, person.PerpetratorId, command.Category, now)];
            case MappaEventKind.Accepted:
                if (mappa.Referral == MappaReferral.Accepted)
                    return [];
                if (mappa.Referral == MappaReferral.None)
                    throw new RuleViolationException("kind", "no MAPPA referral has been made to accept");
                return [new MappaReferralAccepted(person.Id, person.PerpetratorId, command.Category, now)];
            case MappaEventKind.CategorySet:
                var category = command.Category ?? throw new InvalidFieldException("category", "is required (1, 2 or 3)");
                var level = command.Level ?? throw new InvalidFieldException("level", "is required (1, 2 or 3)");
                return mappa.Category == category && mappa.Level == level
                    ? []
                    : [new MappaCategorySet(person.Id, person.PerpetratorId, category, level, now)];
            case MappaEventKind.ReviewSet:
                var review = command.ReviewDate ?? throw new InvalidFieldException("review_date", "is required");
                if (review < DateOnly.FromDateTime(now.UtcDateTime))
                    throw new InvalidFieldException("review_date", "is in the past");
                return mappa.NextReview == review ? [] : [new MappaReviewSet(person.Id, person.PerpetratorId, review, now)];
            default:
                throw new InvalidFieldException("kind", "is not a MAPPA event");
        }
    }
}
