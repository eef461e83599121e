using Masip.Police.Cases;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Perpetrators.Linking;

public sealed record ConfirmLink(Guid PerpetratorId, Guid CaseId);

public sealed record RejectLink(Guid PerpetratorId, Guid CaseId, string Reason);

/// <summary>An officer (the actor) confirms or rejects a suggested link; deciding the same way twice changes nothing.</summary>
public static class LinkDecisions
{
    public static IReadOnlyList<object> Decide(Perpetrator current, ConfirmLink command, Actor actor, DateTimeOffset now)
    {
        var link = Find(current, command.CaseId);
        return link.Status switch
        {
            "origin" or "confirmed" => [],
            "rejected" => throw new RuleViolationException("case_id", "the link was rejected; a rejected link is not confirmed later"),
            _ => [new PerpetratorLinkConfirmed(current.Id, command.CaseId, actor.Subject, now)],
        };
    }

    public static IReadOnlyList<object> Decide(Perpetrator current, RejectLink command, Actor actor, DateTimeOffset now)
    {
        var link = Find(current, command.CaseId);
        return link.Status switch
        {
            "rejected" => [],
            "origin" => throw new RuleViolationException("case_id", "this report identified the suspect; it cannot be unlinked"),
            _ => [new PerpetratorLinkRejected(current.Id, command.CaseId, actor.Subject, command.Reason, now)],
        };
    }

    /// <summary>The case side of a rejection: the report no longer names this perpetrator.</summary>
    public static SuspectUnlinked Unlink(PerpetratorLinkRejected rejected) =>
        new(rejected.CaseId, rejected.PerpetratorId, rejected.Reason, rejected.RejectedAt);

    private static PerpetratorLink Find(Perpetrator current, Guid caseId) =>
        current.Links.FirstOrDefault(l => l.CaseId == caseId)
        ?? throw new RecordNotFoundException("case_id", $"case {caseId} is not linked to perpetrator {current.Id}");
}
