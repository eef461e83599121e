using JasperFx.Events.Projections;
using Marten;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Police.DataProtection;

/// <summary>The police coordinate subject-access requests across the four agencies (README "Data protection").</summary>
public static class PoliceDataProtectionModule
{
    public static IServiceCollection AddSubjectAccessCoordinator(this IServiceCollection services)
    {
        services.ConfigureMarten(store => store.Projections.Snapshot<SubjectAccessRequest>(SnapshotLifecycle.Inline));
        services.PublishIntegrationEvent<SubjectAccessRequested>(e => new SubjectAccessRequestedV1(e.RequestId, e.Name, e.DateOfBirth, e.RequestedAt));
        return services;
    }
}
