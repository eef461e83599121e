using Masip.Police.Cases;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Reviews.ReviewingReports;

public sealed record ReviewReport(
    Guid CaseId,
    FourAnswers Four,
    string RiskLevel,
    string RiskRationale,
    string? AdviceToOic,
    int Tier,
    string TierReasons,
    bool ReReview,
    string? EscalationOfficer = null,
    string? S2aJustification = null,
    string? S4aLimb = null);

public static class ReviewReportDecision
{
    /// <summary>s4A(i) or s4A(ii) (or both) as the reviewer finds it; unstated, as the record says; none for a report that is not s4A.</summary>
    private static string? S4aLimb(StacCase current, ReviewReport command) =>
        current.Principal != Offence.S4A ? null : command.S4aLimb ?? S4aLimbs.FromRecord(current.Stalking);

    /// <summary>
    /// The morning review: screening (FOUR), risk with rationale, advice to the OIC and the tier,
    /// by the reviewing officer (the actor). A report already reviewed is reviewed again only on
    /// purpose (re_review), e.g. the reassessment a breach forces.
    /// </summary>
    public static IReadOnlyList<object> Decide(StacCase current, ReviewReport command, Actor actor, DateTimeOffset now)
    {
        Tiers.Check(command.Tier, "tier");
        if (current.Status == CaseStatus.Closed)
            throw new RuleViolationException("case_id", "the case is closed");
        if (current.Review is not null && !command.ReReview)
            throw new RuleViolationException("re_review", "the report has already been reviewed; set re_review to review it again");
        // Two or more incidents are investigated as s4A by default; an s2A report needs a justification (001 L791-795).
        if (current.Principal == Offence.S2A && command.S2aJustification is null)
            throw new InvalidFieldException("s2a_justification",
                current.S4aProposed
                    ? "is required: the report is s2A, and its incidents with fear or alarm support s4A"
                    : "is required: record why the report is s2A rather than s4A");
        if (command.S4aLimb is not null && current.Principal != Offence.S4A)
            throw new InvalidFieldException("s4a_limb", "is only for an s4A report");
        return
        [
            new ReportReviewed(current.Id, command.Four, command.RiskLevel, command.RiskRationale, command.AdviceToOic,
                current.Review is not null, actor.Subject, now, command.EscalationOfficer, command.S2aJustification, S4aLimb(current, command)),
            new CaseTiered(current.Id, current.CrimeReference, current.PerpetratorId, current.Principal, command.Tier,
                command.RiskLevel, command.TierReasons, actor.Subject, now, current.OffenceDate),
        ];
    }
}

public static class S4aLimbs
{
    public const string FearOfViolence = "i";
    public const string SeriousAlarmOrDistress = "ii";
    public const string Both = "both";

    public static readonly IReadOnlyDictionary<string, string> Allowed =
        new[] { FearOfViolence, SeriousAlarmOrDistress, Both }.ToDictionary(v => v, v => v);

    /// <summary>The limb the record supports: fear of violence, serious alarm or distress, both, or neither (null).</summary>
    public static string? FromRecord(StalkingRecord record) => (record.FearOfViolence, record.SeriousAlarmOrDistress) switch
    {
        (true, true) => Both,
        (true, false) => FearOfViolence,
        (false, true) => SeriousAlarmOrDistress,
        _ => null,
    };
}

public static class Tiers
{
    /// <summary>STAC tiers 1-3 (Tier 3 was formerly 3 and 4).</summary>
    public static int Check(int tier, string field) =>
        tier is >= 1 and <= 3 ? tier : throw new InvalidFieldException(field, $"must be 1, 2 or 3; got {tier}");
}
