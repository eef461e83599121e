using JasperFx.Events.Projections;
using Marten;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Nhs.Referrals;

/// <summary>Referrals in: their stream, the waiting list and the decision message.</summary>
public static class ReferralsModule
{
    public static IServiceCollection AddNhsReferrals(this IServiceCollection services)
    {
        services.ConfigureMarten(store =>
        {
            store.Projections.Snapshot<Referral>(SnapshotLifecycle.Inline);
            store.Schema.For<Referral>().Index(r => r.Status).Index(r => r.PerpetratorId).Duplicate(r => r.QueueKey);
        });
        // Joined the waiting list: the DMM lists it until the decision (NhsReferralDecidedV1) arrives.
        services.PublishIntegrationEvent<ReferralReceived>(e => new ReferralAwaitingDecisionV1(
            e.ReferralId, ReferralAwaitingDecisionV1.Nhs, e.Route, null, e.CaseId, e.PerpetratorId, e.RiskLevel, e.ReceivedAt));
        services.PublishIntegrationEvent<ReferralAccepted>(e => new NhsReferralDecidedV1(e.ReferralId, e.PerpetratorId, true, null, e.AcceptedAt));
        services.PublishIntegrationEvent<ReferralDeclined>(e => new NhsReferralDecidedV1(e.ReferralId, e.PerpetratorId, false, e.Reason, e.DeclinedAt));
        return services;
    }
}
