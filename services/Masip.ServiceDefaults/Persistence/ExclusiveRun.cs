using System.Security.Cryptography;
using System.Text;
using Marten;
using Masip.ServiceDefaults.Tenancy;
using Npgsql;

namespace Masip.ServiceDefaults.Persistence;

/// <summary>
/// Runs a piece of background work (a scanner's pass) on one replica at a time: a PostgreSQL
/// session-level advisory lock named for the service and the work is tried on a connection of its
/// own and released when the work ends, or when the replica dies (its connection closes). Another
/// replica that finds it taken skips that pass. The work must still be idempotent: passes follow
/// each other on different replicas. A deployment that serves several forces runs the pass once
/// per force, acting for it, under a lock in that force's database.
/// </summary>
public sealed class ExclusiveRun(IDocumentStore store, ServiceIdentity service, Forces forces)
{
    /// <summary>Runs <paramref name="run"/> for each force whose lock this replica takes; false when another replica held every one.</summary>
    public async Task<bool> TryRunAsync(string work, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        var ran = false;
        await forces.ForEachAsync(async ct => ran |= await TryRunForForceAsync(work, run, ct), cancellationToken);
        return ran;
    }

    private async Task<bool> TryRunForForceAsync(string work, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        var key = KeyFor($"{service.Name}:{work}");
        await using var connection = await store.ConnectionForForce(cancellationToken);
        await connection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("select pg_try_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", key);
            if (await take.ExecuteScalarAsync(cancellationToken) is not true)
                return false;
        }
        try
        {
            await run(cancellationToken);
            return true;
        }
        finally
        {
            await using var release = new NpgsqlCommand("select pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", key);
            await release.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    private static long KeyFor(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("masip-exclusive:" + name)), 0);
}
