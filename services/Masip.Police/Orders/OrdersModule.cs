using JasperFx.Events.Projections;
using Marten;
using Masip.Contracts.Messages;
using Masip.Police.Orders.Breaches;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Police.Orders;

/// <summary>
/// Protective orders, the breaches counted per person, and imported breach reports waiting for an
/// officer. Each order event that changes what probation and the NHS keep (recorded, varied, ended,
/// breached) is published as the order's state as of that event (OrderChangedV1); a breach response
/// changes nothing they hold and is not published.
/// </summary>
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
        services.PublishIntegrationEvent<OrderRecorded, ProtectiveOrder>((e, order, _) => Changed(order, "recorded", e.RecordedAt));
        services.PublishIntegrationEvent<OrderVaried, ProtectiveOrder>((e, order, _) => Changed(order, "varied", e.RecordedAt));
        services.PublishIntegrationEvent<OrderEnded, ProtectiveOrder>((e, order, _) => Changed(order, "ended", e.RecordedAt));
        services.PublishIntegrationEvent<OrderBreachRecorded, ProtectiveOrder>((e, order, _) => Changed(order, "breached", e.RecordedAt));
        return services;
    }

    /// <summary>No protected person's identity, no restrained person's name, no breach detail: see OrderChangedV1.</summary>
    public static OrderChangedV1 Changed(ProtectiveOrder order, string change, DateTimeOffset at) => new(
        order.Id, order.CaseId, order.CrimeReference, order.PerpetratorId, change, order.Kind, order.Stage, order.Status,
        order.Prohibitions, order.Requirements, order.MadeOn, order.ExpiresOn, order.EndedOn, order.Court, order.Breaches.Count, at);
}
