using JasperFx.Events.Projections;
using Marten;
using Masip.Contracts.Messages;
using Masip.Police.Referrals.ReferringVictimToAdvocacy;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Police.Referrals;

/// <summary>Referrals out: their stream, read model, handler and the messages they publish.</summary>
public static class ReferralsModule
{
    public static IServiceCollection AddReferrals(this IServiceCollection services)
    {
        services.ConfigureMarten(store =>
        {
            store.Projections.Snapshot<VictimReferral>(SnapshotLifecycle.Inline);
            store.Projections.Snapshot<PerpetratorReferral>(SnapshotLifecycle.Inline);
            store.Schema.For<VictimReferral>().Duplicate(r => r.CrimeReference);
            store.Schema.For<PerpetratorReferral>().Index(r => r.CaseId);
            store.Schema.For<Outcomes.ReferralOutcome>().UseOptimisticConcurrency(true);
        });
        services.PublishIntegrationEvent<VictimReferredToAdvocacy>(e => new VictimReferredToAdvocacyV1(
            e.ReferralId, e.CrimeReference, e.VictimName, e.VictimPhone, e.VictimEmail, e.Reason, e.ReferredBy, e.ReferredAt,
            e.Contact?.SafeNumbers, e.Contact?.SafeTimes, e.Contact?.NoWithheldNumbers ?? false, e.Contact?.InterpreterNeeded ?? false,
            e.Contact?.Language, e.Contact?.PreferredName, e.Contact is not null));
        services.PublishIntegrationEvent<PerpetratorReferredToNhs>(e => new PerpetratorReferredToNhsV1(
            e.ReferralId, e.CaseId, e.PerpetratorId, e.PerpetratorName, e.DateOfBirth, e.PncId, e.Service, e.RiskLevel, e.Reason,
            e.ReferredBy, e.ReferredAt));
        services.PublishIntegrationEvent<PerpetratorReferredToProbation>(e => new PerpetratorReferredToProbationV1(
            e.ReferralId, e.CaseId, e.PerpetratorId, e.PerpetratorName, e.DateOfBirth, e.PncId, e.Question, e.Reason,
            e.ReferredBy, e.ReferredAt));
        return services;
    }
}
