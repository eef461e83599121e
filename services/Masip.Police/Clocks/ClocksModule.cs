using JasperFx.Events.Projections;
using Marten;
using Masip.Contracts.Messages;
using Masip.Police.Clocks.Alerting;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Police.Clocks;

/// <summary>The clocks near or past their limit: the list, the scan that raises each once, and its message to the DMM.</summary>
public static class ClocksModule
{
    public static IServiceCollection AddClockAlerts(this IServiceCollection services)
    {
        services.AddOptions<ClockScanOptions>().BindConfiguration(ClockScanOptions.Section);
        services.ConfigureMarten(store => store.Projections.Snapshot<ClockAlert>(SnapshotLifecycle.Inline));
        services.AddSingleton<ClockScanner>();
        services.AddHostedService(provider => provider.GetRequiredService<ClockScanner>());
        services.PublishIntegrationEvent<ClockDueRaised>(e => new ClockDueV1(
            e.CaseId, e.CrimeReference, e.PerpetratorId, e.Kind, e.Status, e.DueAt, e.RaisedAt));
        return services;
    }
}
