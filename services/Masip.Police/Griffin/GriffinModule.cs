using JasperFx.Events.Projections;
using Marten;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Police.Griffin;

/// <summary>Operation Griffin: nominations, the list of nominals, PNC marker alerts, and their messages.</summary>
public static class GriffinModule
{
    public static IServiceCollection AddGriffin(this IServiceCollection services)
    {
        services.ConfigureMarten(store =>
        {
            store.Projections.Snapshot<Nominal>(SnapshotLifecycle.Inline);
            store.Schema.For<Nominal>().Duplicate(n => n.PerpetratorId).Duplicate(n => n.Status)
                .Duplicate(n => n.ReviewDue!).Duplicate(n => n.RiskLevel!);
        });
        services.PublishIntegrationEvent<NominationAccepted>(e => new NominalAddedV1(
            e.NominalId, e.PerpetratorId, e.PerpetratorName, e.PncId, e.Rationale, e.ReviewDue, e.DecidedAt));
        services.PublishIntegrationEvent<NominalRemoved>(e => new NominalRemovedV1(e.NominalId, e.PerpetratorId, e.Reason, e.RemovedAt));
        services.PublishIntegrationEvent<NominalActivityRecorded>(e => new NominalActivityV1(
            e.NominalId, e.PerpetratorId, e.Activity, e.CrimeReference, e.OccurredAt));
        services.PublishIntegrationEvent<NominalReviewDueRaised>(e => new NominalReviewDueV1(
            e.NominalId, e.PerpetratorId, e.ReviewDue, e.Status, e.RaisedAt));
        return services;
    }
}
