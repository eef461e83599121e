using Masip.Police.Cases;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Reviews.Reclassifying;

public sealed record ReclassifyReport(Guid CaseId, Offence Principal, IReadOnlyList<Offence> Included, string Reason);

public static class ReclassifyReportDecision
{
    /// <summary>Every reclassification is kept with who (the actor) and why; the same classification again changes nothing.</summary>
    public static IReadOnlyList<object> Decide(StacCase current, ReclassifyReport command, Actor actor, DateTimeOffset now)
    {
        if (current.Status == CaseStatus.Closed)
            throw new RuleViolationException("case_id", "the case is closed");
        var included = command.Included.Where(o => o != command.Principal).Distinct().Order().ToList();
        if (current.Report.Principal == command.Principal && current.Report.Included.SequenceEqual(included))
            return [];
        return [new ReportReclassified(current.Id, command.Principal, included, command.Reason, actor.Subject, now)];
    }
}
