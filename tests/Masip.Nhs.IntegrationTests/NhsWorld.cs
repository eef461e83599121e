using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.Contracts.Nhs;
using Masip.Nhs;
using Masip.ServiceDefaults.Messaging;
using Masip.Testing;
using Npgsql;
using Xunit;

namespace Masip.Nhs.IntegrationTests;

/// <summary>
/// The NHS service on a test bed, plus a MassTransit bus on the test's vhost that plays the
/// other agencies: it publishes police messages and captures every message the NHS publishes.
/// </summary>
public sealed class NhsWorld : IAsyncDisposable
{
    private readonly TestBed _bed;
    private readonly IBusControl _bus;
    private readonly ConcurrentQueue<(Guid? MessageId, object Message)> _captured;

    private NhsWorld(TestBed bed, IBusControl bus, ServiceUnderTest<NhsHost> host, ConcurrentQueue<(Guid?, object)> captured)
    {
        _bed = bed;
        _bus = bus;
        _captured = captured;
        Host = host;
        Referrals = new NhsReferrals.NhsReferralsClient(host.Channel);
        Assessments = new NhsAssessments.NhsAssessmentsClient(host.Channel);
        Interventions = new NhsInterventions.NhsInterventionsClient(host.Channel);
        Liaison = new NhsLiaison.NhsLiaisonClient(host.Channel);
    }

    public ServiceUnderTest<NhsHost> Host { get; }
    public NhsReferrals.NhsReferralsClient Referrals { get; }
    public NhsAssessments.NhsAssessmentsClient Assessments { get; }
    public NhsInterventions.NhsInterventionsClient Interventions { get; }
    public NhsLiaison.NhsLiaisonClient Liaison { get; }

    public static async Task<NhsWorld> StartAsync(TestBed bed, IDictionary<string, string?>? settings = null)
    {
        var captured = new ConcurrentQueue<(Guid?, object)>();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(bed.Broker, h =>
            {
                var user = Uri.UnescapeDataString(bed.Broker.UserInfo).Split(':');
                h.Username(user[0]);
                h.Password(user[1]);
            });
            rabbit.ReceiveEndpoint("test-other-agencies", e =>
            {
                e.Handler<NhsReferralDecidedV1>(c => Capture(captured, c));
                e.Handler<RiskSummaryUpdatedV1>(c => Capture(captured, c));
                e.Handler<InterventionStartedV1>(c => Capture(captured, c));
                e.Handler<InterventionEndedV1>(c => Capture(captured, c));
                e.Handler<ReferralAwaitingDecisionV1>(c => Capture(captured, c));
            });
        });
        await bus.StartAsync();
        var host = await bed.StartAsync<NhsHost>(NhsHost.Name, settings);
        return new NhsWorld(bed, bus, host, captured);
    }

    private static Task Capture<T>(ConcurrentQueue<(Guid?, object)> captured, ConsumeContext<T> context) where T : class
    {
        captured.Enqueue((context.MessageId, context.Message));
        return Task.CompletedTask;
    }

    // Messages published on each test bed's vhost, by type: what the NHS queue must have acknowledged.
    private static readonly ConcurrentDictionary<(string VirtualHost, Type Message), long> Sent = new();

    public async Task PublishAsync<T>(T message, Guid messageId) where T : class
    {
        await _bus.Publish(message, context => context.MessageId = messageId);
        Sent.AddOrUpdate((_bed.VirtualHost, typeof(T)), 1, (_, n) => n + 1);
    }

    /// <summary>Publishes as the outbox relay does: with the publisher's position in the headers.</summary>
    public async Task PublishAsync<T>(T message, Guid messageId, MessageSource source) where T : class
    {
        await _bus.Publish(message, context =>
        {
            context.MessageId = messageId;
            context.Headers.Set(MessageSource.SequenceHeader, source.Sequence);
            context.Headers.Set(MessageSource.StreamHeader, source.StreamId.ToString());
            context.Headers.Set(MessageSource.VersionHeader, source.Version);
        });
        Sent.AddOrUpdate((_bed.VirtualHost, typeof(T)), 1, (_, n) => n + 1);
    }

    /// <summary>
    /// A barrier: waits until the NHS queue whose name contains <paramref name="queue"/> has
    /// acknowledged every <typeparamref name="T"/> published on this test bed so far (consumed, or
    /// moved to the error queue), as RabbitMQ's management statistics count them: they lag a few
    /// seconds, never run ahead, so after this every one of them was handled.
    /// </summary>
    public Task AllConsumedAsync<T>(string queue) => ConsumedAsync(queue, Sent.GetValueOrDefault((_bed.VirtualHost, typeof(T))));

    private async Task ConsumedAsync(string queue, long deliveries)
    {
        var vhost = Uri.EscapeDataString(_bed.VirtualHost);
        long acked = 0;
        var done = await Eventually.TrueAsync(async () =>
        {
            var queues = await _bed.Infrastructure.ManagementClient.GetFromJsonAsync<JsonElement>($"api/queues/{vhost}");
            acked = queues.EnumerateArray()
                .Where(q => q.GetProperty("name").GetString() is { } name && name.Contains(queue) && !name.EndsWith("_error"))
                .Sum(q => q.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("ack", out var ack) ? ack.GetInt64() : 0);
            return acked >= deliveries;
        }, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(500));
        Assert.True(done, $"{queue}: {acked} of {deliveries} deliveries acknowledged");
    }

    /// <summary>Every message of type <typeparamref name="T"/> the NHS published so far.</summary>
    public IReadOnlyList<T> Published<T>() => _captured.Select(c => c.Message).OfType<T>().ToList();

    public Task<T> PublishedAsync<T>(Func<T, bool> match, string what) where T : class =>
        Eventually.ValueAsync(() => Task.FromResult(Published<T>().FirstOrDefault(match)), TimeSpan.FromSeconds(30), what);

    public async Task<long> ScalarAsync(string sql, object id)
    {
        await using var connection = new NpgsqlConnection(_bed.ConnectionStringFor(NhsHost.Name));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Who acted on each event of the stream, in order (Marten's user name, set by the command pipeline).</summary>
    public async Task<IReadOnlyList<string>> ActorsAsync(Guid streamId)
    {
        await using var connection = new NpgsqlConnection(_bed.ConnectionStringFor(NhsHost.Name));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select coalesce(user_name, '') from masip.mt_events where stream_id = @id order by version", connection);
        command.Parameters.AddWithValue("id", streamId);
        var actors = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            actors.Add(reader.GetString(0));
        return actors;
    }

    public Task<long> EventCountAsync(Guid streamId) =>
        ScalarAsync("select count(*) from masip.mt_events where stream_id = @id", streamId);

    public async ValueTask DisposeAsync() => await _bus.StopAsync();

    /// <summary>Asserts a gRPC call failed with <paramref name="code"/> and a message that starts with the field name.</summary>
    public static async Task<RpcException> FailsAsync(StatusCode code, string field, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail);
        return error;
    }
}
