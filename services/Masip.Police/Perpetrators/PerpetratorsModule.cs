using JasperFx.Events.Projections;
using Marten;
using Masip.Police.Perpetrators.Releases;

namespace Masip.Police.Perpetrators;

/// <summary>Perpetrator identities and the links between reports that share a suspect.</summary>
public static class PerpetratorsModule
{
    public static IServiceCollection AddPerpetrators(this IServiceCollection services)
    {
        services.ConfigureMarten(store =>
        {
            store.Projections.Snapshot<Perpetrator>(SnapshotLifecycle.Inline);
            store.Schema.For<Perpetrator>().Duplicate(p => p.PncId!).Duplicate(p => p.NameKey!);
            store.Schema.For<PerpetratorRelease>().UseOptimisticConcurrency(true);
        });
        return services;
    }
}
