using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Masip.ServiceDefaults.Audit;
using Masip.ServiceDefaults.Messaging;
using Masip.ServiceDefaults.Tenancy;
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
        builder.Services.AddSingleton(ServiceInstance.For(service));
        builder.Services.AddSingleton(provider => Forces.From(provider.GetRequiredService<IConfiguration>()));
        return builder.Services.AddMarten(services =>
            {
                // Read when the store is built, so test hosts can override the configuration.
                var server = new Npgsql.NpgsqlConnectionStringBuilder(
                    MasipConfiguration.PostgresFor(services.GetRequiredService<IConfiguration>(), service))
                {
                    // Names this replica on every connection: the outbox health check tells leader from standby by it.
                    ApplicationName = services.GetRequiredService<ServiceInstance>().ApplicationName,
                };
                var forces = services.GetRequiredService<Forces>();
                var options = new StoreOptions();
                if (forces.Enabled)
                {
                    // A database per force: one force's records never share a table with another's.
                    options.MultiTenantedDatabases(tenancy =>
                    {
                        foreach (var force in forces.Configured)
                        {
                            var database = Forces.DatabaseFor(server.Database!, force);
                            forces.Register(database, force);
                            tenancy.AddSingleTenantDatabase(EnsureDatabase(server, database), force);
                        }
                    });
                    options.Advanced.DefaultTenantUsageEnabled = false;
                }
                else
                {
                    options.Connection(EnsureDatabase(server, server.Database!));
                }
                options.DatabaseSchemaName = "masip";
                options.Events.DatabaseSchemaName = "masip";
                options.Events.StreamIdentity = StreamIdentity.AsGuid;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                options.Events.MetadataConfig.CorrelationIdEnabled = true;
                options.Events.MetadataConfig.CausationIdEnabled = true;
                options.Events.MetadataConfig.HeadersEnabled = true;
                // Who acted: the command pipeline sets the token's subject on every event it appends.
                options.Events.MetadataConfig.UserNameEnabled = true;
                options.Projections.LeadershipPollingTime = 1000;
                // The relay (and the audit sealer) wake when a transaction appending events commits
                // (PostgreSQL LISTEN/NOTIFY), not on the daemon's next poll: a referral leaves the
                // police within milliseconds of its commit instead of up to a second later (issue 15).
                // The polls stay as the fallback, shorter than the defaults (250 ms / 1 s).
                options.Events.UseListenNotifyForEventAppends = true;
                options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(100);
                options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(250);
                // A sequence number taken by a transaction that rolled back (a write conflict retried,
                // a refused command) leaves a gap that holds every later event back until the daemon
                // gives up on it: 3 s by default, so one conflict delayed every referral behind it by
                // seconds (issue 15). Marten 9 skips a gap only when PostgreSQL shows no live transaction
                // that could still fill it (UseTransactionEvidenceForGapSkipping, on by default), so a
                // slow commit is waited out whatever this is; only dead gaps are skipped sooner.
                options.Projections.UseTransactionEvidenceForGapSkipping = true;
                options.Projections.StaleSequenceThreshold = TimeSpan.FromMilliseconds(250);
                // HotCold leadership is Marten's default session-level PostgreSQL advisory lock, taken
                // through Patched.DistributedLock.Postgres (1.3.3, from the registry): no transaction
                // stays open for the leader's life.
                options.Schema.For<InboxRecord>();
                options.Schema.For<ParkedMessage>();
                options.Schema.For<AuditLink>().Duplicate(l => l.SubjectKey).Duplicate(l => l.ViewerSub).Duplicate(l => l.Sequence);
                options.Schema.For<AuditHead>();
                return options;
            })
            .BuildSessionsWith<ForceSessionFactory>()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.HotCold)
            .AddSubscriptionWithServices<OutboxRelay>(ServiceLifetime.Singleton, o =>
            {
                o.Name = OutboxRelay.RelayName;
                o.Options.BatchSize = 500;
            })
            .AddSubscriptionWithServices<AuditSealer>(ServiceLifetime.Singleton, o =>
            {
                o.Name = AuditSealer.SealerName;
                o.Options.BatchSize = 1000;
            });
    }

    private static string EnsureDatabase(Npgsql.NpgsqlConnectionStringBuilder server, string database)
    {
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString;
        PostgresDatabase.EnsureExists(connectionString, TimeSpan.FromSeconds(60));
        return connectionString;
    }
}
