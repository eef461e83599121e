using Masip.Probation.People;

namespace Masip.Probation.Referrals.Answering;

public static class MatchedBy
{
    public const string PncId = "pnc-id";
    public const string PerpetratorId = "perpetrator-id";
    public const string NameAndDateOfBirth = "name-and-date-of-birth";
    public const string None = "none";
}

/// <summary>A police question about a person: the referral message, as probation reads it.</summary>
public sealed record AnswerReferral(Guid ReferralId, Guid CaseId, Guid PerpetratorId, string Question);

public static class AnswerReferralDecision
{
    /// <summary>
    /// Answers once per referral. Known: the order in force (or the latest), its end, the
    /// responsible officer, the MAPPA category and an expected release; nothing else leaves.
    /// </summary>
    public static IReadOnlyList<object> Decide(ProbationReferral? current, AnswerReferral command, Person? match, string matchedBy, DateTimeOffset now)
    {
        if (current is not null)
            return [];
        if (match is null)
            return [new ReferralAnswered(command.ReferralId, command.CaseId, command.PerpetratorId, command.Question,
                null, MatchedBy.None, false, null, null, null, null, null, now)];

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var order = match.CurrentSupervision(today)
            ?? match.Supervision.OrderByDescending(s => s.End ?? DateOnly.MaxValue).FirstOrDefault();
        var release = match.ExpectedRelease is { } r && r >= today ? r : (DateOnly?)null;
        return [new ReferralAnswered(command.ReferralId, command.CaseId, command.PerpetratorId, command.Question,
            match.Id, matchedBy, true,
            order is null ? null : Wire.Name(Wire.OrderTypes, order.OrderType), order?.End, order?.ResponsibleOfficer,
            match.Mappa.Category, release, now)];
    }
}
