using MassTransit;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Meetings.Agenda.Candidates;

/// <summary>
/// Stores a message as an agenda candidate, once however often it is delivered. A candidate is an
/// immutable fact keyed by its message id: no later message overwrites it, and the agenda orders
/// candidates by their own times, so the order they arrive in does not matter and they need no
/// guard (a redelivery is the inbox's to drop). A message that also changes what this service
/// holds (a nominal, a decided referral) updates it in <see cref="Update"/>, guarded by the
/// publisher's position so older news never overwrites newer (issue 13.3).
/// </summary>
public abstract class CandidateConsumer<TMessage>(CommandPipeline pipeline, ServiceIdentity service, ILogger logger)
    : InboxConsumer<TMessage>(pipeline, service, logger)
    where TMessage : class
{
    protected override async Task Handle(TMessage message, CommandScope scope, ConsumeContext<TMessage> context)
    {
        var source = context.Source();
        if (Candidates.From(message, context.MessageId!.Value, Publisher.PositionOf(source)) is { } candidate)
            scope.Session.Store(candidate);
        await Update(message, scope, source);
    }

    /// <summary>What the message changes besides its candidate: nothing, unless a consumer says so.</summary>
    protected virtual Task Update(TMessage message, CommandScope scope, MessageSource source) => Task.CompletedTask;
}

/// <summary>Where a message stood in its publisher's event store, as this service keeps it.</summary>
public static class Publisher
{
    /// <summary>The publisher's sequence, or null for a message that carried none (published by hand).</summary>
    public static long? PositionOf(MessageSource source) => source == MessageSource.Unknown ? null : source.Sequence;
}

/// <summary>
/// The nominal's state, from the police's news about it: a nominal removed after an "added" stays
/// removed when that "added" arrives late (retries and redelivery reorder messages). A message
/// without a position is applied as the newest and leaves the last known position as it was.
/// </summary>
public static class GriffinNominals
{
    public static async Task Apply(CommandScope scope, MessageSource source, Guid perpetratorId, Guid nominalId, bool current, DateTimeOffset at)
    {
        var held = await scope.Load<GriffinNominal>(perpetratorId);
        if (held is not null && !source.IsNewerThan(held.LastSequence))
            return;
        scope.Session.Store(new GriffinNominal(perpetratorId, nominalId, current, at, Publisher.PositionOf(source) ?? held?.LastSequence));
    }
}

/// <summary>A decided referral: the latest decision in its publisher's order (an older one arriving late changes nothing).</summary>
public static class DecidedReferrals
{
    public static async Task Apply(CommandScope scope, MessageSource source, Guid referralId, bool accepted, DateTimeOffset decidedAt)
    {
        var held = await scope.Load<DecidedReferral>(referralId);
        if (held is not null && !source.IsNewerThan(held.LastSequence))
            return;
        scope.Session.Store(new DecidedReferral(referralId, decidedAt, accepted, Publisher.PositionOf(source) ?? held?.LastSequence));
    }
}

public sealed class CaseTieredConsumer(CommandPipeline p, ServiceIdentity s, ILogger<CaseTieredConsumer> l) : CandidateConsumer<CaseTieredV1>(p, s, l);
public sealed class SpoEventConsumer(CommandPipeline p, ServiceIdentity s, ILogger<SpoEventConsumer> l) : CandidateConsumer<SpoEventV1>(p, s, l);
public sealed class NominalActivityConsumer(CommandPipeline p, ServiceIdentity s, ILogger<NominalActivityConsumer> l) : CandidateConsumer<NominalActivityV1>(p, s, l);
public sealed class ReferralAwaitingDecisionConsumer(CommandPipeline p, ServiceIdentity s, ILogger<ReferralAwaitingDecisionConsumer> l) : CandidateConsumer<ReferralAwaitingDecisionV1>(p, s, l);
public sealed class RiskSummaryUpdatedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<RiskSummaryUpdatedConsumer> l) : CandidateConsumer<RiskSummaryUpdatedV1>(p, s, l);
public sealed class PsrDueConsumer(CommandPipeline p, ServiceIdentity s, ILogger<PsrDueConsumer> l) : CandidateConsumer<PsrDueV1>(p, s, l);
public sealed class ReleaseDueConsumer(CommandPipeline p, ServiceIdentity s, ILogger<ReleaseDueConsumer> l) : CandidateConsumer<ReleaseDueV1>(p, s, l);
public sealed class VictimUpdateOverdueConsumer(CommandPipeline p, ServiceIdentity s, ILogger<VictimUpdateOverdueConsumer> l) : CandidateConsumer<VictimUpdateOverdueV1>(p, s, l);
public sealed class CaseEventForVictimConsumer(CommandPipeline p, ServiceIdentity s, ILogger<CaseEventForVictimConsumer> l) : CandidateConsumer<CaseEventForVictimV1>(p, s, l);
public sealed class ProbationRecordSharedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<ProbationRecordSharedConsumer> l) : CandidateConsumer<ProbationRecordSharedV1>(p, s, l);
public sealed class InterventionStartedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<InterventionStartedConsumer> l) : CandidateConsumer<InterventionStartedV1>(p, s, l);
public sealed class InterventionEndedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<InterventionEndedConsumer> l) : CandidateConsumer<InterventionEndedV1>(p, s, l);
public sealed class NominalReviewDueConsumer(CommandPipeline p, ServiceIdentity s, ILogger<NominalReviewDueConsumer> l) : CandidateConsumer<NominalReviewDueV1>(p, s, l);
public sealed class ClockDueConsumer(CommandPipeline p, ServiceIdentity s, ILogger<ClockDueConsumer> l) : CandidateConsumer<ClockDueV1>(p, s, l);
public sealed class MappaEventConsumer(CommandPipeline p, ServiceIdentity s, ILogger<MappaEventConsumer> l) : CandidateConsumer<MappaEventV1>(p, s, l);

/// <summary>
/// The victim's voice, shared with consent: a candidate like any other, carrying its position in
/// advocacy's event store, so a withdrawal made after it withholds it however late it arrives.
/// </summary>
public sealed class VictimVoiceSharedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<VictimVoiceSharedConsumer> l) : CandidateConsumer<VictimVoiceSharedV1>(p, s, l);

public sealed class NominalAddedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<NominalAddedConsumer> l) : CandidateConsumer<NominalAddedV1>(p, s, l)
{
    protected override Task Update(NominalAddedV1 message, CommandScope scope, MessageSource source) =>
        GriffinNominals.Apply(scope, source, message.PerpetratorId, message.NominalId, current: true, message.AddedAt);
}

public sealed class NominalRemovedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<NominalRemovedConsumer> l) : CandidateConsumer<NominalRemovedV1>(p, s, l)
{
    protected override Task Update(NominalRemovedV1 message, CommandScope scope, MessageSource source) =>
        GriffinNominals.Apply(scope, source, message.PerpetratorId, message.NominalId, current: false, message.RemovedAt);
}

/// <summary>Accepted or declined, the referral no longer waits: later agendas drop its pending item (a decline is an item of its own).</summary>
public sealed class AdvocacyReferralDecidedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<AdvocacyReferralDecidedConsumer> l)
    : CandidateConsumer<AdvocacyReferralDecidedV1>(p, s, l)
{
    protected override Task Update(AdvocacyReferralDecidedV1 message, CommandScope scope, MessageSource source) =>
        DecidedReferrals.Apply(scope, source, message.ReferralId, message.Accepted, message.DecidedAt);
}

public sealed class NhsReferralDecidedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<NhsReferralDecidedConsumer> l)
    : CandidateConsumer<NhsReferralDecidedV1>(p, s, l)
{
    protected override Task Update(NhsReferralDecidedV1 message, CommandScope scope, MessageSource source) =>
        DecidedReferrals.Apply(scope, source, message.ReferralId, message.Accepted, message.DecidedAt);
}

/// <summary>
/// Withdrawn consent: every voice of that referral shared before the withdrawal is withheld from
/// every view from then on. The withdrawal keeps its position in advocacy's event store: a voice
/// shared earlier and delivered late stays withheld; one shared after consent was given again is
/// not; an older withdrawal arriving late does not replace a newer one.
/// </summary>
public sealed class VictimVoiceWithdrawnConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<VictimVoiceWithdrawnConsumer> logger)
    : InboxConsumer<VictimVoiceWithdrawnV1>(pipeline, service, logger)
{
    protected override async Task Handle(VictimVoiceWithdrawnV1 message, CommandScope scope, ConsumeContext<VictimVoiceWithdrawnV1> context)
    {
        var position = Publisher.PositionOf(context.Source());
        var held = await scope.Load<VoiceWithdrawal>(message.ReferralId);
        if (held is null || held.IsOlderThan(position))
            scope.Session.Store(new VoiceWithdrawal(message.ReferralId, message.WithdrawnAt, position));
    }
}
