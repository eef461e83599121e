using JasperFx.Events.Projections;
using Marten;

namespace Masip.Nhs.Liaison;

/// <summary>Liaison and diversion: custody contacts and court report requests (nothing published).</summary>
public static class LiaisonModule
{
    public static IServiceCollection AddNhsLiaison(this IServiceCollection services) =>
        services.ConfigureMarten(store =>
        {
            store.Projections.Snapshot<CustodyContact>(SnapshotLifecycle.Inline);
            store.Projections.Snapshot<CourtReport>(SnapshotLifecycle.Inline);
            store.Schema.For<CustodyContact>().Index(c => c.PerpetratorId).Duplicate(c => c.ListKey);
            store.Schema.For<CourtReport>().Index(c => c.PerpetratorId).Duplicate(c => c.ListKey);
        });
}
