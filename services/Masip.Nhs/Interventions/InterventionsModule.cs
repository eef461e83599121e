using JasperFx.Events.Projections;
using Marten;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Nhs.Interventions;

/// <summary>Intervention episodes: sessions, relapse plan, outcome measures; start and end are published (modality and reason only).</summary>
public static class InterventionsModule
{
    public static IServiceCollection AddNhsInterventions(this IServiceCollection services)
    {
        services.ConfigureMarten(store =>
        {
            store.Projections.Snapshot<Episode>(SnapshotLifecycle.Inline);
            store.Schema.For<Episode>().Index(e => e.ReferralId).Duplicate(e => e.ListKey);
        });
        services.PublishIntegrationEvent<InterventionStarted>(e => new InterventionStartedV1(e.EpisodeId, e.PerpetratorId, e.Modality, e.StartedAt));
        services.PublishIntegrationEvent<InterventionEnded>(e => new InterventionEndedV1(e.EpisodeId, e.PerpetratorId, e.Reason, e.EndedAt));
        return services;
    }
}
