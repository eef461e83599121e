using JasperFx.Events.Projections;
using Marten;

namespace Masip.Advocacy.Support;

/// <summary>Support episodes, safety plans and the per-advocate caseload streams that hold the cap.</summary>
public static class SupportModule
{
    public static IServiceCollection AddSupport(this IServiceCollection services)
    {
        services.ConfigureMarten(store =>
        {
            store.Projections.Snapshot<SupportEpisode>(SnapshotLifecycle.Inline);
            store.Projections.Snapshot<AdvocateCaseload>(SnapshotLifecycle.Inline);
        });
        return services;
    }
}
