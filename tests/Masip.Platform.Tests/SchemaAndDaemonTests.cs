using Masip.Contracts.Police;
using Masip.Police;
using Masip.Testing;
using Medallion.Threading.Postgres;
using Npgsql;
using Xunit;

namespace Masip.Platform.Tests;

/// <summary>
/// Marten's schema migration and its async daemon both take PostgreSQL advisory locks through
/// Patched.DistributedLock.Postgres (from the registry): the daemon's leadership is a
/// session-level lock, so the leader holds no transaction open while it leads.
/// </summary>
public sealed class SchemaAndDaemonTests(TestBed bed) : IClassFixture<TestBed>
{
    [Fact]
    public async Task A_service_on_a_fresh_database_creates_it_applies_the_schema_and_runs_the_outbox_daemon()
    {
        var host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        await using var connection = new NpgsqlConnection(bed.ConnectionStringFor(PoliceHost.Name));
        await connection.OpenAsync();

        foreach (var table in new[] { "mt_events", "mt_streams", "mt_event_progression", "mt_doc_victimreferral", "mt_doc_inboxrecord" })
            Assert.True(await Exists(connection, table), $"table masip.{table} was not created");

        var police = new PoliceReferrals.PoliceReferralsClient(host.Channel);
        await police.ReferVictimToAdvocacyAsync(await Referrals.NewRequestAsync(host, "CRIS-DAEMON-0001"));
        var lastSequence = await Long(connection, "select max(seq_id) from masip.mt_events");

        var advanced = await Eventually.TrueAsync(async () =>
            await Long(connection, "select coalesce(max(last_seq_id), 0) from masip.mt_event_progression where name like 'integration-outbox%'") >= lastSequence,
            TimeSpan.FromSeconds(30));
        Assert.True(advanced, "the outbox subscription did not advance past the new event");

        // HotCold: the daemon's leader holds a session-level advisory lock on this database while it
        // runs, on a connection that is not inside a transaction ("idle in transaction" for hours is
        // what a transaction-scoped leadership lock costs).
        Assert.True(await Long(connection,
            "select count(*) from pg_locks l join pg_database d on d.oid = l.database where l.locktype = 'advisory' and d.datname = current_database()") > 0,
            "no advisory lock is held by the async daemon");
        Assert.Equal(0, await Long(connection, """
            select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid
             where l.locktype = 'advisory' and a.datname = current_database() and a.state like 'idle in transaction%'
            """));
    }

    [Fact]
    public async Task The_distributed_lock_package_excludes_a_second_holder()
    {
        await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        var connectionString = bed.ConnectionStringFor(PoliceHost.Name);
        var first = new PostgresDistributedLock(new PostgresAdvisoryLockKey("masip-test-lock", allowHashing: true), connectionString);
        var second = new PostgresDistributedLock(new PostgresAdvisoryLockKey("masip-test-lock", allowHashing: true), connectionString);

        await using (var held = await first.AcquireAsync(TimeSpan.FromSeconds(5)))
        {
            await using var denied = await second.TryAcquireAsync(TimeSpan.Zero);
            Assert.Null(denied);
        }
        await using var afterRelease = await second.TryAcquireAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(afterRelease);
    }

    private static async Task<bool> Exists(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand("select to_regclass(@name) is not null", connection);
        command.Parameters.AddWithValue("name", "masip." + table);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> Long(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L);
    }
}
