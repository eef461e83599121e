using Masip.Police.Cases;
using Masip.Police.Perpetrators;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Griffin.Nominating;

public sealed record NominateToGriffin(Guid CaseId, IReadOnlyList<string> Criteria, string Rationale);

public sealed record DecideNomination(Guid NominalId, bool Accept, string Reason, DateOnly? ReviewDue);

public sealed record ScheduleNominalReview(Guid NominalId, DateOnly ReviewDue);

public sealed record RemoveNominal(Guid NominalId, string Reason);

public sealed record RecordNominalActivity(Guid NominalId, string Activity, string? CrimeReference);

/// <summary>
/// Operation Griffin (DOMAIN.md): the highest harm/risk/repeat stalkers, all Tier 3; nominated
/// by STAC, accepted or rejected at the Griffin meeting, reviewed, removed with a reason; each by the actor (the caller).
/// </summary>
public static class GriffinDecisions
{
    /// <summary>Griffin reviews each nominal at its meetings; without a date set, three months on.</summary>
    public static readonly int DefaultReviewMonths = 3;

    public static IReadOnlyList<object> Decide(Nominal? current, StacCase @case, Perpetrator? perpetrator, NominateToGriffin command, Actor actor, DateTimeOffset now)
    {
        if (@case.PerpetratorId is null || perpetrator is null)
            throw new RuleViolationException("case_id", "the report names no identified suspect to nominate");
        if (@case.Tier != 3)
            throw new RuleViolationException("tier", $"only a Tier 3 perpetrator can be nominated; this case is {(@case.Tier is { } t ? $"Tier {t}" : "not tiered")}");
        if (current is { Status: "nominated" or "accepted" })
        {
            if (current.Status == "nominated" && current.CaseId == @case.Id && current.Rationale == command.Rationale
                && current.Criteria.SequenceEqual(command.Criteria))
                return [];
            throw new RuleViolationException("case_id", $"the perpetrator is already {current.Status} for Operation Griffin");
        }
        return [new NominatedToGriffin(Nominal.IdFor(perpetrator.Id), perpetrator.Id, @case.Id, perpetrator.Name, perpetrator.PncId,
            command.Criteria, command.Rationale, actor.Subject, now, @case.Review?.RiskLevel)];
    }

    public static IReadOnlyList<object> Decide(Nominal current, DecideNomination command, Actor actor, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        switch (current.Status)
        {
            case "accepted" when command.Accept:
            case "rejected" when !command.Accept:
                return [];
            case "nominated":
                break;
            default:
                throw new RuleViolationException("decision", $"the nomination is {current.Status}; there is nothing to decide");
        }
        if (!command.Accept)
            return [new NominationRejected(current.Id, current.PerpetratorId, command.Reason, actor.Subject, now)];
        var reviewDue = command.ReviewDue ?? today.AddMonths(DefaultReviewMonths);
        if (reviewDue <= today)
            throw new InvalidFieldException("review_due", "must be after today");
        return [new NominationAccepted(current.Id, current.PerpetratorId, current.PerpetratorName, current.PncId, current.Rationale,
            reviewDue, command.Reason, actor.Subject, now)];
    }

    public static IReadOnlyList<object> Decide(Nominal current, ScheduleNominalReview command, Actor actor, DateTimeOffset now)
    {
        RequireNominal(current);
        if (command.ReviewDue <= DateOnly.FromDateTime(now.UtcDateTime))
            throw new InvalidFieldException("review_due", "must be after today");
        return current.ReviewDue == command.ReviewDue ? [] : [new NominalReviewScheduled(current.Id, command.ReviewDue, actor.Subject, now)];
    }

    public static IReadOnlyList<object> Decide(Nominal current, RemoveNominal command, Actor actor, DateTimeOffset now)
    {
        if (current.Status == "removed")
            return [];
        RequireNominal(current);
        return [new NominalRemoved(current.Id, current.PerpetratorId, command.Reason, actor.Subject, now)];
    }

    /// <summary>PNC marker activity: any new police contact with a nominal is an alert for the next Griffin meeting.</summary>
    public static IReadOnlyList<object> Decide(Nominal current, RecordNominalActivity command, Actor actor, DateTimeOffset now)
    {
        RequireNominal(current);
        return [new NominalActivityRecorded(current.Id, current.PerpetratorId, command.Activity, command.CrimeReference, actor.Subject, now)];
    }

    private static void RequireNominal(Nominal current)
    {
        if (current.Status != "accepted")
            throw new RuleViolationException("nominal_id", $"the person is not a Griffin nominal (status {current.Status})");
    }
}
