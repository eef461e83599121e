using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Masip.ServiceDefaults.Health;

/// <summary>Ready only while every database of this service (one per force it serves) answers.</summary>
internal sealed class PostgresHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            foreach (var database in await store.Storage.AllDatabases())
            {
                await using var connection = database.CreateConnection();
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("select 1", connection);
                if (await command.ExecuteScalarAsync(cancellationToken) is not 1)
                    return HealthCheckResult.Unhealthy("select 1 returned nothing");
            }
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer", ex);
        }
    }
}
