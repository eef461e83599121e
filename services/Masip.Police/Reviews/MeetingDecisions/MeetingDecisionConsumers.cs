using MassTransit;
using Masip.Contracts.Messages;
using Masip.Police.Cases;
using Masip.Police.Reviews.Retiering;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Messaging;
using Masip.ServiceDefaults.Work;
using Masip.Police.Work;

namespace Masip.Police.Reviews.MeetingDecisions;

/// <summary>
/// The newest meeting decision about a case's tier that the police considered, by the meetings
/// service's sequence (DMM and Griffin decisions come from one event store, so one order).
/// </summary>
public sealed record MeetingTierPosition(Guid Id, long? Sequence, Guid MeetingId, DateTimeOffset ConsideredAt);

/// <summary>
/// A tier change decided at the DMM or the Griffin meeting: the police stay the owner of tiers,
/// so the decision becomes the police's own re-tiering, through the same decider as an officer's.
/// An older decision arriving after a newer one about the same case changes nothing. A decision
/// the case can no longer take (closed, never reviewed) is logged and left: the meeting's record
/// keeps it, and the chair sees the tier unchanged on the next agenda.
/// </summary>
internal static class MeetingTierDecision
{
    public static async Task Apply(CommandScope scope, MessageSource source, string kind, string owner, Guid? caseId, int? newTier,
        Guid meetingId, string decidedBy, DateTimeOffset decidedAt, ILogger logger)
    {
        if (kind != "tier-change" || owner != "police" || caseId is not { } id || newTier is not { } tier)
            return;
        var position = await scope.Load<MeetingTierPosition>(id);
        if (!source.IsNewerThan(position?.Sequence))
        {
            logger.LogInformation("Meeting {MeetingId} tier change for case {CaseId} ignored: a newer decision was applied", meetingId, id);
            return;
        }
        var stream = await scope.Stream<StacCase>(id);
        if (stream.Aggregate is not { } current)
        {
            logger.LogWarning("Meeting {MeetingId} changed the tier of unknown case {CaseId}", meetingId, id);
            return;
        }
        NewestNews.Keep(scope.Session, position, new MeetingTierPosition(id, NewestNews.Applied(source, position?.Sequence), meetingId, scope.Now));
        // The meeting decided: its chair (recorded by the meetings service from the chair's token)
        // acted; the police service carries the decision out.
        var chair = new Actor(decidedBy, "police", "meeting-chair");
        try
        {
            stream.AppendMany(RetierDecision.Decide(current, new Retier(id, tier, $"decided at meeting {meetingId}"), chair, decidedAt));
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
    protected override async Task Handle(MeetingDecisionRecordedV1 m, CommandScope scope, ConsumeContext<MeetingDecisionRecordedV1> context)
    {
        await MeetingTierDecision.Apply(scope, context.Source(), m.Kind, m.OwnerAgency, m.CaseId, m.NewTier, m.MeetingId, m.DecidedBy, m.DecidedAt, Logger);
        await PoliceDecisionWork.Apply(scope, MeetingWork.Decision(m.DecisionId, m.MeetingId, "dmm", m.MeetingDate, m.ItemId, m.Kind, m.CaseId,
            m.PerpetratorId, m.CrimeReference, m.Detail, scope.Now), m.OwnerAgency, m.DecidedBy, m.DecidedAt, Logger);
    }
}

public sealed class GriffinDecisionRecordedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<GriffinDecisionRecordedConsumer> logger)
    : InboxConsumer<GriffinDecisionRecordedV1>(pipeline, service, logger)
{
    protected override async Task Handle(GriffinDecisionRecordedV1 m, CommandScope scope, ConsumeContext<GriffinDecisionRecordedV1> context)
    {
        await MeetingTierDecision.Apply(scope, context.Source(), m.Kind, m.OwnerAgency, m.CaseId, m.NewTier, m.MeetingId, m.DecidedBy, m.DecidedAt, Logger);
        await PoliceDecisionWork.Apply(scope, MeetingWork.Decision(m.DecisionId, m.MeetingId, "griffin", m.MeetingDate, m.ItemId, m.Kind, m.CaseId,
            m.PerpetratorId, m.CrimeReference, m.Detail, scope.Now), m.OwnerAgency, m.DecidedBy, m.DecidedAt, Logger);
    }
}
