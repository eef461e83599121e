using Marten;
using Masip.Contracts.Messages;
using Masip.Probation.Mappa.Flagging;
using Masip.Probation.People;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Probation.Mappa;

/// <summary>MAPPA: the tiers of police cases (for flagging), and MAPPA events out (only for people the police know: the message names the perpetrator).</summary>
public static class MappaModule
{
    public static IServiceCollection AddMappa(this IServiceCollection services)
    {
        services.ConfigureMarten(store => store.Schema.For<TieredCase>().Duplicate(t => t.PerpetratorId!));
        services.PublishIntegrationEvent<MappaConsidered>(e =>
            e.PerpetratorId is { } id ? new MappaEventV1(id, "considered", null, null, e.ConsideredAt) : null);
        services.PublishIntegrationEvent<MappaReferralMade>(e =>
            e.PerpetratorId is { } id ? new MappaEventV1(id, "referred", e.Category, null, e.ReferredAt) : null);
        services.PublishIntegrationEvent<MappaReferralAccepted>(e =>
            e.PerpetratorId is { } id ? new MappaEventV1(id, "accepted", e.Category, null, e.AcceptedAt) : null);
        services.PublishIntegrationEvent<MappaCategorySet>(e =>
            e.PerpetratorId is { } id ? new MappaEventV1(id, "category-set", e.Category, e.Level, e.SetAt) : null);
        services.PublishIntegrationEvent<MappaReviewSet>(e =>
            e.PerpetratorId is { } id ? new MappaEventV1(id, "review-set", null, null, e.SetAt) : null);
        return services;
    }
}
