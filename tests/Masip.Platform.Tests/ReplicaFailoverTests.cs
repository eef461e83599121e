using Masip.Advocacy;
using Masip.Contracts.Advocacy;
using Masip.Contracts.Police;
using Masip.ServiceDefaults.Persistence;
using Masip.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Masip.Platform.Tests;

/// <summary>
/// Two replicas of a service on one database and broker: exactly one leads the async daemon (the
/// relay among it); killed with -9 in the middle of the flow, the other takes over, and every
/// message reaches its receiver's state exactly once.
/// </summary>
public sealed class ReplicaFailoverTests(TestBed bed) : IClassFixture<TestBed>
{
    private const int Referrals = 300;

    [Fact]
    public async Task The_standby_police_replica_takes_over_the_relay_when_the_leader_is_killed_and_nothing_is_lost_or_doubled()
    {
        var advocacyHost = await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name);
        var a = await bed.StartProcessAsync("police");
        var b = await bed.StartProcessAsync("police");
        var pair = await Eventually.ValueAsync(async () =>
        {
            var (leadsA, leadsB) = (await a.LeadsAsync(), await b.LeadsAsync());
            return leadsA != leadsB ? leadsA ? new[] { a, b } : [b, a] : null;
        }, TimeSpan.FromSeconds(60), "exactly one police replica leading the daemon");
        var (leader, standby) = (pair[0], pair[1]);

        var ids = new List<Guid>();
        var channels = new[] { leader, standby }.Select(p => p.ChannelAs("police", "stac-officer")).ToArray();
        var clients = channels.Select(c => new PoliceReferrals.PoliceReferralsClient(c)).ToArray();
        for (var i = 0; i < Referrals / 2; i++)
            ids.Add(Guid.Parse((await clients[i % 2].ReferVictimToAdvocacyAsync(
                await Platform.Tests.Referrals.NewRequestAsync(channels[i % 2], $"CRIS-FAILOVER-{i:D4}"))).ReferralId));
        // Mid-flow: some referrals have reached advocacy, some not yet.
        await Eventually.ValueAsync(async () => await Arrived(ids) > 0 ? "some" : null, TimeSpan.FromSeconds(60), "the first referrals arriving");

        leader.Kill();
        for (var i = Referrals / 2; i < Referrals; i++)
            ids.Add(Guid.Parse((await clients[1].ReferVictimToAdvocacyAsync(
                await Platform.Tests.Referrals.NewRequestAsync(channels[1], $"CRIS-FAILOVER-{i:D4}"))).ReferralId));

        Assert.True(await Eventually.TrueAsync(standby.LeadsAsync, TimeSpan.FromSeconds(60)), $"the standby did not take over:\n{standby.Output}");
        var all = await Eventually.TrueAsync(async () => await Arrived(ids) == Referrals, TimeSpan.FromSeconds(120));
        Assert.True(all, $"{await Arrived(ids)} of {Referrals} referrals reached advocacy");
        // Exactly once: each referral's stream at advocacy holds its one arrival, however often the relay published it.
        Assert.Equal(Referrals, await Scalar(AdvocacyHost.Name, "select count(*) from masip.mt_events where stream_id = any(@ids)", ids));
    }

    [Fact]
    public async Task A_scan_runs_on_one_replica_at_a_time_and_the_other_skips_its_pass()
    {
        var police = await bed.StartAsync<Masip.Police.PoliceHost>(Masip.Police.PoliceHost.Name);
        var exclusive = police.Services.GetRequiredService<ExclusiveRun>();
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        var first = exclusive.TryRunAsync("probe-scan", async _ => { inside.SetResult(); await release.Task; }, CancellationToken.None);
        await inside.Task;
        var second = await exclusive.TryRunAsync("probe-scan", _ => Task.CompletedTask, CancellationToken.None);
        release.SetResult();

        Assert.True(await first);
        Assert.False(second);
        Assert.True(await exclusive.TryRunAsync("probe-scan", _ => Task.CompletedTask, CancellationToken.None));
    }

    private async Task<long> Arrived(List<Guid> ids) =>
        await Scalar(AdvocacyHost.Name, "select count(distinct stream_id) from masip.mt_events where stream_id = any(@ids)", ids);

    private async Task<long> Scalar(string service, string sql, List<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(bed.ConnectionStringFor(service));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
