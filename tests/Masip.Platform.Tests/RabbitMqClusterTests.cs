using System.Diagnostics;
using Masip.Advocacy;
using Masip.Contracts.Messages;
using Masip.Contracts.Police;
using Masip.Police;
using Masip.ServiceDefaults.Messaging;
using Masip.Testing;
using Npgsql;
using RabbitMQ.Client;
using Xunit;
using Xunit.Abstractions;

namespace Masip.Platform.Tests;

/// <summary>
/// A three-node RabbitMQ cluster on this machine (`deploy/masip cluster`: own ports and state, the
/// shared broker untouched), the services on quorum queues with all three nodes configured: the
/// node they connect to is stopped while police send 2,000 referrals to advocacy. Every referral
/// arrives exactly once, and the services carry on through the other two nodes. Category Cluster:
/// it needs root (the nodes run as the rabbitmq user) and takes about three minutes;
/// `deploy/masip test` runs it last. MASIP_CLUSTER_MESSAGES sets the number of referrals.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class RabbitMqClusterTests(TestBed bed, ITestOutputHelper output) : IClassFixture<TestBed>, IAsyncLifetime
{
    private const string User = "masip:masip";
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(3);
    private readonly List<IAsyncDisposable> _hosts = [];
    private string[] _nodes = [];

    public async Task InitializeAsync()
    {
        await DeployScript.RunOrThrow("cluster", "stop");   // a cluster left by an interrupted run
        await DeployScript.RunOrThrow("cluster", "start");
        _nodes = (await DeployScript.RunOrThrow("cluster", "nodes")).Trim().Split(',');
    }

    public async Task DisposeAsync()
    {
        // The services go before the cluster does (the test bed would stop them only after this).
        foreach (var host in _hosts)
            await bed.StopAsync(host);
        await DeployScript.RunOrThrow("cluster", "stop");
    }

    [Fact]
    public async Task A_node_stopped_in_the_middle_of_the_flow_loses_and_doubles_nothing()
    {
        var referrals = int.TryParse(Environment.GetEnvironmentVariable("MASIP_CLUSTER_MESSAGES"), out var n) && n > 0 ? n : 2000;
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = $"amqp://{User}@{_nodes[0]}/",
            [MessageTopology.ClusterNodesKey] = string.Join(',', _nodes),
            [MessageTopology.QuorumKey] = "true",
        };
        var police = await bed.StartAsync<PoliceHost>(PoliceHost.Name, settings);
        _hosts.Add(police);
        _hosts.Add(await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name, settings));
        var channel = police.ChannelAs("police", "stac-officer");
        var client = new PoliceReferrals.PoliceReferralsClient(channel);

        var ids = new List<Guid>();
        var sent = 0;
        var flow = Stopwatch.StartNew();
        var sending = Task.WhenAll(Enumerable.Range(0, 4).Select(async lane =>
        {
            for (var i = lane; i < referrals; i += 4)
            {
                var request = await Referrals.NewRequestAsync(channel, $"CRIS-CLUSTER-{bed.Id}-{i:D5}");
                await client.ReferVictimToAdvocacyAsync(request);
                lock (ids)
                    ids.Add(Guid.Parse(request.ReferralId));
                Interlocked.Increment(ref sent);
            }
        }));
        Assert.True(await Eventually.TrueAsync(async () => Volatile.Read(ref sent) >= referrals / 4 && await Arrived(ids) > 0, TimeSpan.FromMinutes(3)),
            "a quarter of the referrals were not sent, or none reached advocacy, before the node was to stop");

        var clock = Stopwatch.StartNew();
        var sentAtStopping = Volatile.Read(ref sent);
        await DeployScript.RunOrThrow("cluster", "stop-node", "1");
        var sentAtStop = Volatile.Read(ref sent);
        var stopped = clock.Elapsed;
        await sending;
        var sendTime = flow.Elapsed;
        var settled = await Eventually.TrueAsync(async () => await Arrived(ids) == referrals, Settle);

        var (arrived, events) = (await Arrived(ids), await Scalar("select count(*) from masip.mt_events where stream_id = any(@ids)", ids));
        var (deadLettered, faulted) = await OnSurvivingNode(MessageTopology.QueueFor("advocacy", typeof(VictimReferredToAdvocacyV1)));
        output.WriteLine($"cluster {string.Join(',', _nodes)}, quorum queues; node 1 stopping after {sentAtStopping} of {referrals} referrals were sent, down {stopped.TotalSeconds:0.0} s later after {sentAtStop}");
        output.WriteLine($"{referrals} referrals sent in {sendTime.TotalSeconds:0} s ({referrals / sendTime.TotalSeconds:0.0} referrals/s, each a case import and a referral), " +
                         $"the last arrived {flow.Elapsed.TotalSeconds:0} s after the first was sent");
        output.WriteLine($"sent {referrals}, arrived {arrived}, lost {referrals - arrived}, duplicated {events - arrived}, dead-lettered {deadLettered}, faulted {faulted}, " +
                         $"all arrived {clock.Elapsed.TotalSeconds:0} s after the stop began");
        Assert.True(settled, $"{arrived} of {referrals} referrals reached advocacy");
        Assert.Equal(referrals, arrived);
        Assert.Equal(referrals, events);
        Assert.Equal((0u, 0u), (deadLettered, faulted));
        Assert.True(sentAtStop < referrals, "every referral was sent before the node stopped: the stop was not in the middle of the flow");
    }

    /// <summary>Messages in the queue's dead-letter and error queues, asked of node 2 (node 1 is down).</summary>
    private async Task<(uint DeadLettered, uint Faulted)> OnSurvivingNode(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri($"amqp://{User}@{_nodes[1]}/") };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var deadLettered = (await channel.QueueDeclarePassiveAsync(MessageTopology.DeadLetterFor(queue))).MessageCount;
        await using var errors = await connection.CreateChannelAsync();
        try
        {
            return (deadLettered, (await errors.QueueDeclarePassiveAsync(queue + "_error")).MessageCount);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return (deadLettered, 0); // never created: nothing ever faulted
        }
    }

    private Task<long> Arrived(List<Guid> ids) => Scalar("select count(distinct stream_id) from masip.mt_events where stream_id = any(@ids)", ids);

    private async Task<long> Scalar(string sql, List<Guid> ids)
    {
        Guid[] keys;
        lock (ids)
            keys = [.. ids];
        await using var connection = new NpgsqlConnection(bed.ConnectionStringFor(AdvocacyHost.Name));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", keys);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
