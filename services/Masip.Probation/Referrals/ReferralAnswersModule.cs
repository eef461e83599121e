using JasperFx.Events.Projections;
using Marten;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Probation.Referrals;

/// <summary>Police referrals in, answers out as ProbationRecordSharedV1 (the consumer registers itself).</summary>
public static class ReferralAnswersModule
{
    public static IServiceCollection AddReferralAnswers(this IServiceCollection services)
    {
        services.ConfigureMarten(store => store.Projections.Snapshot<ProbationReferral>(SnapshotLifecycle.Inline));
        services.PublishIntegrationEvent<ReferralAnswered>(e => new ProbationRecordSharedV1(
            e.ReferralId, e.PerpetratorId, e.KnownToProbation, e.OrderType, e.OrderEnds, e.ResponsibleOfficer,
            e.MappaCategory, e.ExpectedRelease, e.AnsweredAt));
        return services;
    }
}
