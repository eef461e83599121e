using JasperFx.Events.Projections;
using Marten;
using Masip.Advocacy.VictimUpdates.Overdue;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Advocacy.VictimUpdates;

/// <summary>Victims' Code update tasks: opened by police case events (consumer), completed by a logged contact, checked for lateness.</summary>
public static class VictimUpdatesModule
{
    public static IServiceCollection AddVictimUpdates(this IServiceCollection services)
    {
        services.AddOptions<VictimUpdateOptions>().BindConfiguration(VictimUpdateOptions.Section);
        services.ConfigureMarten(store =>
        {
            store.Projections.Snapshot<VictimUpdateTask>(SnapshotLifecycle.Inline);
            // The lists' and the scanner's order (earliest due first) as a column, for keyset pages.
            store.Schema.For<VictimUpdateTask>().Duplicate(t => t.DueAt);
            store.Projections.Snapshot<CaseNews>(SnapshotLifecycle.Inline);
        });
        services.AddHostedService<OverdueUpdateScanner>();
        services.PublishIntegrationEvent<VictimUpdateBecameOverdue>(e =>
            new VictimUpdateOverdueV1(e.TaskId, e.CaseId, e.CrimeReference, e.Kind, e.DueAt, e.RaisedAt));
        return services;
    }
}
