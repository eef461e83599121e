using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Meetings.Agenda.Candidates;

/// <summary>Stores a message as an agenda candidate, once however often it is delivered.</summary>
public abstract class CandidateConsumer<TMessage>(IDocumentStore store, ILogger logger) : InboxConsumer<TMessage>(store, logger)
    where TMessage : class
{
    protected override Task Handle(TMessage message, IDocumentSession session, ConsumeContext<TMessage> context)
    {
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

public sealed class CaseTieredConsumer(IDocumentStore s, ILogger<CaseTieredConsumer> l) : CandidateConsumer<CaseTieredV1>(s, l);
public sealed class SpoEventConsumer(IDocumentStore s, ILogger<SpoEventConsumer> l) : CandidateConsumer<SpoEventV1>(s, l);
public sealed class NominalAddedConsumer(IDocumentStore s, ILogger<NominalAddedConsumer> l) : CandidateConsumer<NominalAddedV1>(s, l);
public sealed class NominalRemovedConsumer(IDocumentStore s, ILogger<NominalRemovedConsumer> l) : CandidateConsumer<NominalRemovedV1>(s, l);
public sealed class NominalActivityConsumer(IDocumentStore s, ILogger<NominalActivityConsumer> l) : CandidateConsumer<NominalActivityV1>(s, l);
public sealed class AdvocacyReferralDecidedConsumer(IDocumentStore s, ILogger<AdvocacyReferralDecidedConsumer> l) : CandidateConsumer<AdvocacyReferralDecidedV1>(s, l);
public sealed class NhsReferralDecidedConsumer(IDocumentStore s, ILogger<NhsReferralDecidedConsumer> l) : CandidateConsumer<NhsReferralDecidedV1>(s, l);
public sealed class ReferralAwaitingDecisionConsumer(IDocumentStore s, ILogger<ReferralAwaitingDecisionConsumer> l) : CandidateConsumer<ReferralAwaitingDecisionV1>(s, l);
public sealed class RiskSummaryUpdatedConsumer(IDocumentStore s, ILogger<RiskSummaryUpdatedConsumer> l) : CandidateConsumer<RiskSummaryUpdatedV1>(s, l);
public sealed class PsrDueConsumer(IDocumentStore s, ILogger<PsrDueConsumer> l) : CandidateConsumer<PsrDueV1>(s, l);
public sealed class ReleaseDueConsumer(IDocumentStore s, ILogger<ReleaseDueConsumer> l) : CandidateConsumer<ReleaseDueV1>(s, l);
public sealed class VictimUpdateOverdueConsumer(IDocumentStore s, ILogger<VictimUpdateOverdueConsumer> l) : CandidateConsumer<VictimUpdateOverdueV1>(s, l);
public sealed class VictimVoiceSharedConsumer(IDocumentStore s, ILogger<VictimVoiceSharedConsumer> l) : CandidateConsumer<VictimVoiceSharedV1>(s, l);
public sealed class CaseEventForVictimConsumer(IDocumentStore s, ILogger<CaseEventForVictimConsumer> l) : CandidateConsumer<CaseEventForVictimV1>(s, l);
public sealed class ProbationRecordSharedConsumer(IDocumentStore s, ILogger<ProbationRecordSharedConsumer> l) : CandidateConsumer<ProbationRecordSharedV1>(s, l);
public sealed class InterventionStartedConsumer(IDocumentStore s, ILogger<InterventionStartedConsumer> l) : CandidateConsumer<InterventionStartedV1>(s, l);
public sealed class InterventionEndedConsumer(IDocumentStore s, ILogger<InterventionEndedConsumer> l) : CandidateConsumer<InterventionEndedV1>(s, l);
public sealed class MappaEventConsumer(IDocumentStore s, ILogger<MappaEventConsumer> l) : CandidateConsumer<MappaEventV1>(s, l);

/// <summary>Withdrawn consent: from now on no view shows that referral's victim voice.</summary>
public sealed class VictimVoiceWithdrawnConsumer(IDocumentStore store, ILogger<VictimVoiceWithdrawnConsumer> logger)
    : InboxConsumer<VictimVoiceWithdrawnV1>(store, logger)
{
    protected override Task Handle(VictimVoiceWithdrawnV1 message, IDocumentSession session, ConsumeContext<VictimVoiceWithdrawnV1> context)
    {
        session.Store(new VoiceWithdrawal(message.ReferralId, message.WithdrawnAt));
        return Task.CompletedTask;
    }
}
