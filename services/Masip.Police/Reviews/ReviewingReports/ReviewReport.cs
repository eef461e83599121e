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
    string? S2aJustification = null);

public static class ReviewReportDecision
{
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
        return
        [
            new ReportReviewed(current.Id, command.Four, command.RiskLevel, command.RiskRationale, command.AdviceToOic,
                current.Review is not null, actor.Subject, now, command.EscalationOfficer, command.S2aJustification),
            new CaseTiered(current.Id, current.CrimeReference, current.PerpetratorId, current.Principal, command.Tier,
                command.RiskLevel, command.TierReasons, actor.Subject, now, current.OffenceDate),
        ];
    }
}

public static class Tiers
{
    /// <summary>STAC tiers 1-3 (Tier 3 was formerly 3 and 4).</summary>
    public static int Check(int tier, string field) =>
        tier is >= 1 and <= 3 ? tier : throw new InvalidFieldException(field, $"must be 1, 2 or 3; got {tier}");
}
