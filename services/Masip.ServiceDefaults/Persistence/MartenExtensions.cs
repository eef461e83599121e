using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Masip.ServiceDefaults.Audit;
using Masip.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Masip.ServiceDefaults.Persistence;

public static class MartenExtensions
{
    /// <summary>
    /// Marten on this service's own database: created if missing, schema applied on start, the
    /// async daemon running the outbox relay (HotCold: one node of a scaled-out service runs it,
    /// elected through a PostgreSQL advisory lock).
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddMasipMarten(
        this WebApplicationBuilder builder, string service)
    {
        return builder.Services.AddMarten(services =>
            {
                // Read when the store is built, so test hosts can override the configuration.
                var connectionString = MasipConfiguration.PostgresFor(services.GetRequiredService<IConfiguration>(), service);
                PostgresDatabase.EnsureExists(connectionString, TimeSpan.FromSeconds(60));

                var options = new StoreOptions();
                options.Connection(connectionString);
                options.DatabaseSchemaName = "masip";
                options.Events.DatabaseSchemaName = "masip";
                options.Events.StreamIdentity = StreamIdentity.AsGuid;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                options.Events.MetadataConfig.CorrelationIdEnabled = true;
                options.Events.MetadataConfig.CausationIdEnabled = true;
                options.Events.MetadataConfig.HeadersEnabled = true;
                options.Projections.LeadershipPollingTime = 1000;
                // HotCold leadership is a PostgreSQL advisory lock taken through DistributedLock.Postgres.
                // The upstream 1.3.1 (which our shim package brings in) refuses the session-scoped
                // "multiplexing" mode on a DbDataSource; the transaction-scoped lock works with it.
                options.Events.UseAdvisoryLockTransaction = true;
                options.Schema.For<InboxRecord>();
                options.Projections.Snapshot<AuditChain>(SnapshotLifecycle.Inline);
                return options;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.HotCold)
            .AddSubscriptionWithServices<OutboxRelay>(ServiceLifetime.Singleton, o =>
            {
                o.Name = OutboxRelay.RelayName;
                o.Options.BatchSize = 500;
            });
    }
}
