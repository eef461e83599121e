using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Meetings.Agenda.Candidates;

/// <summary>Stores a message as an agenda candidate, once however often it is delivered.</summary>
public abstract class CandidateConsumer<TMessage>(CommandPipeline pipeline, ServiceIdentity service, ILogger logger)
    : InboxConsumer<TMessage>(pipeline, service, logger)
    where TMessage : class
{
    protected override Task Handle(TMessage message, CommandScope scope, ConsumeContext<TMessage> context)
    {
        var session = scope.Session;
        if (Candidates.From(message, context.MessageId!.Value) is { } candidate)
        {
            session.Store(candidate);
            if (message is NominalAddedV1 added)
                session.Store(new GriffinNominal(added.PerpetratorId, added.NominalId, true, added.AddedAt));
            if (message is NominalRemovedV1 removed)
                session.Store(new GriffinNominal(removed.PerpetratorId, removed.NominalId, false, removed.RemovedAt));
        }
        // Accepted or declined, the referral no longer waits: later agendas drop its pending item.
        if (message is AdvocacyReferralDecidedV1 advocacy)
            session.Store(new DecidedReferral(advocacy.ReferralId, advocacy.DecidedAt));
        if (message is NhsReferralDecidedV1 nhs)
            session.Store(new DecidedReferral(nhs.ReferralId, nhs.DecidedAt));
        return Task.CompletedTask;
    }
}

public sealed class CaseTieredConsumer(CommandPipeline p, ServiceIdentity s, ILogger<CaseTieredConsumer> l) : CandidateConsumer<CaseTieredV1>(p, s, l);
public sealed class SpoEventConsumer(CommandPipeline p, ServiceIdentity s, ILogger<SpoEventConsumer> l) : CandidateConsumer<SpoEventV1>(p, s, l);
public sealed class NominalAddedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<NominalAddedConsumer> l) : CandidateConsumer<NominalAddedV1>(p, s, l);
public sealed class NominalRemovedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<NominalRemovedConsumer> l) : CandidateConsumer<NominalRemovedV1>(p, s, l);
public sealed class NominalActivityConsumer(CommandPipeline p, ServiceIdentity s, ILogger<NominalActivityConsumer> l) : CandidateConsumer<NominalActivityV1>(p, s, l);
public sealed class AdvocacyReferralDecidedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<AdvocacyReferralDecidedConsumer> l) : CandidateConsumer<AdvocacyReferralDecidedV1>(p, s, l);
public sealed class NhsReferralDecidedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<NhsReferralDecidedConsumer> l) : CandidateConsumer<NhsReferralDecidedV1>(p, s, l);
public sealed class ReferralAwaitingDecisionConsumer(CommandPipeline p, ServiceIdentity s, ILogger<ReferralAwaitingDecisionConsumer> l) : CandidateConsumer<ReferralAwaitingDecisionV1>(p, s, l);
public sealed class RiskSummaryUpdatedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<RiskSummaryUpdatedConsumer> l) : CandidateConsumer<RiskSummaryUpdatedV1>(p, s, l);
public sealed class PsrDueConsumer(CommandPipeline p, ServiceIdentity s, ILogger<PsrDueConsumer> l) : CandidateConsumer<PsrDueV1>(p, s, l);
public sealed class ReleaseDueConsumer(CommandPipeline p, ServiceIdentity s, ILogger<ReleaseDueConsumer> l) : CandidateConsumer<ReleaseDueV1>(p, s, l);
public sealed class VictimUpdateOverdueConsumer(CommandPipeline p, ServiceIdentity s, ILogger<VictimUpdateOverdueConsumer> l) : CandidateConsumer<VictimUpdateOverdueV1>(p, s, l);
public sealed class VictimVoiceSharedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<VictimVoiceSharedConsumer> l) : CandidateConsumer<VictimVoiceSharedV1>(p, s, l);
public sealed class CaseEventForVictimConsumer(CommandPipeline p, ServiceIdentity s, ILogger<CaseEventForVictimConsumer> l) : CandidateConsumer<CaseEventForVictimV1>(p, s, l);
public sealed class ProbationRecordSharedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<ProbationRecordSharedConsumer> l) : CandidateConsumer<ProbationRecordSharedV1>(p, s, l);
public sealed class InterventionStartedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<InterventionStartedConsumer> l) : CandidateConsumer<InterventionStartedV1>(p, s, l);
public sealed class InterventionEndedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<InterventionEndedConsumer> l) : CandidateConsumer<InterventionEndedV1>(p, s, l);
public sealed class MappaEventConsumer(CommandPipeline p, ServiceIdentity s, ILogger<MappaEventConsumer> l) : CandidateConsumer<MappaEventV1>(p, s, l);

/// <summary>Withdrawn consent: from now on no view shows that referral's victim voice.</summary>
public sealed class VictimVoiceWithdrawnConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<VictimVoiceWithdrawnConsumer> logger)
    : InboxConsumer<VictimVoiceWithdrawnV1>(pipeline, service, logger)
{
    protected override Task Handle(VictimVoiceWithdrawnV1 message, CommandScope scope, ConsumeContext<VictimVoiceWithdrawnV1> context)
    {
        var session = scope.Session;
        session.Store(new VoiceWithdrawal(message.ReferralId, message.WithdrawnAt));
        return Task.CompletedTask;
    }
}
