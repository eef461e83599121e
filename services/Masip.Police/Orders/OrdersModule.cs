using JasperFx.Events.Projections;
using Marten;
using Masip.Police.Orders.Breaches;

namespace Masip.Police.Orders;

/// <summary>Protective orders, the breaches counted per person, and imported breach reports waiting for an officer.</summary>
public static class OrdersModule
{
    public static IServiceCollection AddOrders(this IServiceCollection services)
    {
        services.ConfigureMarten(store =>
        {
            store.Projections.Snapshot<ProtectiveOrder>(SnapshotLifecycle.Inline);
            store.Projections.Snapshot<PersonBreaches>(SnapshotLifecycle.Inline);
            store.Schema.For<ProtectiveOrder>()
                .Duplicate(o => o.PerpetratorId)
                .Duplicate(o => o.CaseId)
                .Duplicate(o => o.Kind)
                .Duplicate(o => o.Status)
                .Duplicate(o => o.MadeOn)
                .Duplicate(o => o.BreachResponseDueAt!);
            store.Projections.Snapshot<ImportedBreach>(SnapshotLifecycle.Inline);
            store.Schema.For<ImportedBreach>().Duplicate(b => b.Status).Duplicate(b => b.QueuedAt);
        });
        // The import is unchanged: a report naming an order's subject as a breach is attached by following its events.
        services.ConfigureMarten((provider, store) => store.Events.Subscribe(new ImportedBreachReactor(provider)));
        return services;
    }
}
