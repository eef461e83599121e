using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.Police.Cases;
using Masip.Police.Reviews.Retiering;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Police.Reviews.MeetingDecisions;

/// <summary>
/// A tier change decided at the DMM or the Griffin meeting: the police stay the owner of tiers,
/// so the decision becomes the police's own re-tiering, through the same decider as an officer's.
/// A decision the case can no longer take (closed, never reviewed) is logged and left: the
/// meeting's record keeps it, and the chair sees the tier unchanged on the next agenda.
/// </summary>
internal static class MeetingTierDecision
{
    public static async Task Apply(IDocumentSession session, string kind, string owner, Guid? caseId, int? newTier, Guid meetingId,
        string decidedBy, DateTimeOffset decidedAt, ILogger logger, CancellationToken ct)
    {
        if (kind != "tier-change" || owner != "police" || caseId is not { } id || newTier is not { } tier)
            return;
        var stream = await session.Events.FetchForWriting<StacCase>(id, ct);
        if (stream.Aggregate is not { } current)
        {
            logger.LogWarning("Meeting {MeetingId} changed the tier of unknown case {CaseId}", meetingId, id);
            return;
        }
        try
        {
            stream.AppendMany(RetierDecision.Decide(current, new Retier(id, tier, $"decided at meeting {meetingId}", decidedBy), decidedAt));
        }
        catch (DomainException e)
        {
            logger.LogWarning("Meeting {MeetingId} tier change for case {CaseId} not applied: {Field}", meetingId, id, e.Field);
        }
    }
}

public sealed class MeetingDecisionRecordedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<MeetingDecisionRecordedConsumer> logger)
    : InboxConsumer<MeetingDecisionRecordedV1>(pipeline, service, logger)
{
    protected override Task Handle(MeetingDecisionRecordedV1 m, CommandScope scope, ConsumeContext<MeetingDecisionRecordedV1> context) =>
        MeetingTierDecision.Apply(scope.Session, m.Kind, m.OwnerAgency, m.CaseId, m.NewTier, m.MeetingId, m.DecidedBy, m.DecidedAt, logger, context.CancellationToken);
}

public sealed class GriffinDecisionRecordedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<GriffinDecisionRecordedConsumer> logger)
    : InboxConsumer<GriffinDecisionRecordedV1>(pipeline, service, logger)
{
    protected override Task Handle(GriffinDecisionRecordedV1 m, CommandScope scope, ConsumeContext<GriffinDecisionRecordedV1> context) =>
        MeetingTierDecision.Apply(scope.Session, m.Kind, m.OwnerAgency, m.CaseId, m.NewTier, m.MeetingId, m.DecidedBy, m.DecidedAt, logger, context.CancellationToken);
}
