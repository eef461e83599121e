using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Masip.ServiceDefaults.Health;

/// <summary>Ready only while this service's own database answers.</summary>
internal sealed class PostgresHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var session = store.QuerySession();
            var one = await session.QueryAsync<int>("select 1", cancellationToken);
            return one.Count == 1 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("select 1 returned nothing");
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer", ex);
        }
    }
}
