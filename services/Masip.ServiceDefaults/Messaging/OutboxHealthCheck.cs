using Marten;
using Masip.ServiceDefaults.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Masip.ServiceDefaults.Messaging;

/// <summary>
/// The outbox relay never stalls silently: its lag (events committed but not relayed, and the age
/// of the oldest) is measured on every readiness probe and published as a metric; past a threshold,
/// or while an event is parked, the service is Degraded and says why. It also says whether this
/// replica leads the async daemon (relay, projections, sealer) or stands by.
/// </summary>
public sealed class OutboxHealthCheck(IDocumentStore store, OutboxMetrics metrics, IConfiguration configuration, ServiceInstance instance)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lagLimit = configuration.GetValue("Masip:Outbox:DegradedLagEvents", 1000L);
        var secondsLimit = configuration.GetValue("Masip:Outbox:DegradedLagSeconds", 30.0);
        try
        {
            // One relay per database (per force served): the lag is the sum, the age the oldest's.
            var lag = 0L;
            var seconds = 0.0;
            var parked = 0L;
            var leader = false;
            foreach (var database in await store.Storage.AllDatabases())
            {
                var one = await ReadAsync(database, cancellationToken);
                lag += one.Lag;
                seconds = Math.Max(seconds, one.Seconds);
                parked += one.Parked;
                leader |= one.Leader;
            }
            var role = leader ? "leader" : "standby";
            metrics.Lag(lag, seconds);
            var data = new Dictionary<string, object> { ["lagEvents"] = lag, ["lagSeconds"] = seconds, ["parked"] = parked, ["daemon"] = role };
            var description = $"lag {lag} events ({seconds:0.0} s); {parked} parked; daemon {role} ({instance.ApplicationName})";
            return parked > 0 || lag > lagLimit || seconds > secondsLimit
                ? HealthCheckResult.Degraded(description, data: data)
                : HealthCheckResult.Healthy(description, data);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("the outbox lag cannot be read: PostgreSQL does not answer", ex);
        }
    }

    private async Task<(long Lag, double Seconds, long Parked, bool Leader)> ReadAsync(
        Marten.Storage.IMartenDatabase database, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = database.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"""
                with position as (
                  select coalesce(max(last_seq_id), 0) as relayed from masip.mt_event_progression where name like '{OutboxRelay.RelayName}:%')
                select coalesce((select max(seq_id) from masip.mt_events), 0) - position.relayed,
                       coalesce(extract(epoch from now() - (select e.timestamp from masip.mt_events e where e.seq_id > position.relayed order by e.seq_id limit 1)), 0),
                       (select count(*) from masip.mt_doc_parkedmessage p where (p.data ->> 'Open')::boolean),
                       exists (select 1 from pg_locks l join pg_stat_activity a on a.pid = l.pid
                                where l.locktype = 'advisory' and l.granted and a.datname = current_database() and a.application_name = @me)
                  from position
                """, connection);
            command.Parameters.AddWithValue("me", instance.ApplicationName);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return (Math.Max(0, reader.GetInt64(0)), Math.Max(0, Convert.ToDouble(reader.GetValue(1))), reader.GetInt64(2), reader.GetBoolean(3));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return (0, 0, 0, false); // no events yet
        }
    }
}


/// <summary>This process among a service's replicas: its name on every PostgreSQL connection it opens.</summary>
public sealed record ServiceInstance(string ApplicationName)
{
    public static ServiceInstance For(string service) =>
        new($"masip-{service}-{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}");
}
