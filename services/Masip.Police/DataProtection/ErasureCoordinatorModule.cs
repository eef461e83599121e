using JasperFx.Events.Projections;
using Marten;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.DataProtection;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Police.DataProtection;

/// <summary>The police coordinate erasure requests across the four agencies (README "Data protection").</summary>
public static class ErasureCoordinatorModule
{
    public static IServiceCollection AddErasureCoordinator(this IServiceCollection services)
    {
        services.ConfigureMarten(store => store.Projections.Snapshot<ErasureRequest>(SnapshotLifecycle.Inline));
        services.PublishIntegrationEvent<SubjectErasureRequestRecorded>(e =>
            new SubjectErasureRequestedV1(e.RequestId, e.SubjectKey, e.DateOfBirth, e.RequestedAt));
        services.AddSingleton<IErasureHold, RestrictedCaseHold>();
        return services;
    }
}
