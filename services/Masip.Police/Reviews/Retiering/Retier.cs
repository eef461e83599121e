using Masip.Police.Cases;
using Masip.Police.Reviews.ReviewingReports;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Reviews.Retiering;

public sealed record Retier(Guid CaseId, int Tier, string Reason);

public static class RetierDecision
{
    /// <summary>A reviewed case moves tier (e.g. the DMM escalates it); the same tier again changes nothing.</summary>
    public static IReadOnlyList<object> Decide(StacCase current, Retier command, Actor actor, DateTimeOffset now)
    {
        Tiers.Check(command.Tier, "tier");
        if (current.Review is null || current.Tier is null)
            throw new RuleViolationException("case_id", "the report has not been reviewed and tiered yet");
        if (current.Status == CaseStatus.Closed)
            throw new RuleViolationException("case_id", "the case is closed");
        if (current.Tier == command.Tier)
            return [];
        return [new CaseTiered(current.Id, current.CrimeReference, current.PerpetratorId, current.Principal, command.Tier,
            current.Review.RiskLevel, command.Reason, actor.Subject, now, current.OffenceDate)];
    }
}
