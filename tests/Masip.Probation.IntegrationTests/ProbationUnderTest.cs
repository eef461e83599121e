using System.Collections.Concurrent;
using System.Text.Json;
using Grpc.Core;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.Contracts.Probation;
using Masip.Probation;
using Masip.Probation.Scanning;
using Masip.ServiceDefaults.Messaging;
using Masip.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Masip.Probation.IntegrationTests;

/// <summary>
/// The probation service on a test bed, its gRPC clients, and a bus in the bed's vhost that
/// plays the other agencies: it publishes what police would and captures what probation publishes.
/// </summary>
public sealed class ProbationUnderTest : IAsyncDisposable
{
    private readonly ConcurrentQueue<object> _received = new();
    private IBusControl _bus = null!;
    private TestBed _bed = null!;
    private ServiceUnderTest<ProbationHost> _host = null!;
    private readonly ConcurrentDictionary<string, Grpc.Net.Client.GrpcChannel> _channels = new();

    public ProbationPeople.ProbationPeopleClient People { get; private set; } = null!;
    public ProbationReferrals.ProbationReferralsClient Referrals { get; private set; } = null!;
    public PsrConsultations.PsrConsultationsClient Psr { get; private set; } = null!;
    public Contracts.Probation.Mappa.MappaClient Mappa { get; private set; } = null!;
    public Contracts.Probation.Releases.ReleasesClient Releases { get; private set; } = null!;

    /// <summary>The token subject of the default channel (a probation officer): the actor of its commands.</summary>
    public const string OfficerSubject = "test-probation-probation-officer";

    /// <summary>
    /// Starts probation on the bed; the due scan runs every second unless <paramref name="scanIntervalSeconds"/>
    /// says otherwise (a long interval: it runs once at start, then only when a test calls <see cref="ScanNow"/>).
    /// </summary>
    public static async Task<ProbationUnderTest> StartAsync(TestBed bed, int scanIntervalSeconds = 1, int scanPageSize = 200)
    {
        var probation = new ProbationUnderTest { _bed = bed };
        // The capture queue is bound before the service starts, so nothing it publishes is missed.
        probation._bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(bed.Broker, h =>
            {
                var user = Uri.UnescapeDataString(bed.Broker.UserInfo).Split(':');
                h.Username(user[0]);
                h.Password(user[1]);
            });
            rabbit.ReceiveEndpoint("test-partners", e =>
            {
                e.Handler<ProbationRecordSharedV1>(c => probation.Received(c.Message));
                e.Handler<PsrDueV1>(c => probation.Received(c.Message));
                e.Handler<ReleaseDueV1>(c => probation.Received(c.Message));
                e.Handler<MappaEventV1>(c => probation.Received(c.Message));
            });
        });
        await probation._bus.StartAsync();

        var host = await bed.StartAsync<ProbationHost>(ProbationHost.Name, new Dictionary<string, string?>
        {
            ["Probation:Scan:IntervalSeconds"] = scanIntervalSeconds.ToString(),
            ["Probation:Scan:PageSize"] = scanPageSize.ToString(),
        });
        probation._host = host;
        probation.People = new ProbationPeople.ProbationPeopleClient(host.Channel);
        probation.Referrals = new ProbationReferrals.ProbationReferralsClient(host.Channel);
        probation.Psr = new PsrConsultations.PsrConsultationsClient(host.Channel);
        probation.Mappa = new Contracts.Probation.Mappa.MappaClient(host.Channel);
        probation.Releases = new Contracts.Probation.Releases.ReleasesClient(host.Channel);
        return probation;
    }

    /// <summary>
    /// A probation officer's channel stating another purpose (x-masip-purpose): the agreement
    /// shows griffin.restricted only for griffin/case-management and victim.identity only for dmm/psr.
    /// </summary>
    public Grpc.Net.Client.GrpcChannel ChannelFor(string purpose) =>
        _channels.GetOrAdd(purpose, p => _host.ChannelAs("probation", "probation-officer", p));

    /// <summary>A probation officer's channel signed in as <paramref name="subject"/>.</summary>
    public Grpc.Net.Client.GrpcChannel ChannelAs(string subject) =>
        _channels.GetOrAdd("as:" + subject, _ => _host.ChannelAs("probation", "probation-officer", subject: subject));

    /// <summary>Probation's data-protection officer, answering a data subject's rights (rectification).</summary>
    public Grpc.Net.Client.GrpcChannel DpoChannel() =>
        _channels.GetOrAdd("dpo", _ => _host.ChannelAs("probation", "auditor", "subject-access"));

    /// <summary>A channel as another agency's role (for what the agreement refuses).</summary>
    public Grpc.Net.Client.GrpcChannel ChannelAsRole(string agency, string role) =>
        _channels.GetOrAdd($"role:{agency}/{role}", _ => _host.ChannelAs(agency, role));

    private Task Received(object message)
    {
        _received.Enqueue(message);
        return Task.CompletedTask;
    }

    /// <summary>Publishes as another agency would (MassTransit sets a fresh MessageId).</summary>
    public Task Publish<T>(T message) where T : class => _bus.Publish(message);

    /// <summary>
    /// Publishes as the publisher's outbox relay does: this message id, and the headers that say
    /// where the event stands in the publisher's store (global sequence, stream, version).
    /// </summary>
    public Task Publish<T>(T message, Guid messageId, long sequence, Guid streamId, long version) where T : class =>
        _bus.Publish(message, Pipe.Execute<PublishContext<T>>(context =>
        {
            context.MessageId = messageId;
            context.Headers.Set(MessageSource.SequenceHeader, sequence);
            context.Headers.Set(MessageSource.StreamHeader, streamId.ToString());
            context.Headers.Set(MessageSource.VersionHeader, version);
        }));

    /// <summary>Waits until probation's inbox holds the message: its consumer committed (applied it, or ignored it).</summary>
    public async Task Consumed(Guid messageId, string what)
    {
        if (!await Eventually.TrueAsync(async () =>
                await Scalar<long>("select count(*) from masip.mt_doc_inboxrecord where data ->> 'MessageId' = @p0", messageId.ToString()) > 0,
                TimeSpan.FromSeconds(30)))
            throw new TimeoutException($"probation did not consume {what}");
    }

    /// <summary>Runs one due scan now, as the timer would, and returns when it has finished.</summary>
    public Task ScanNow() => _host.Services.GetRequiredService<DueScanner>().ScanAsync(CancellationToken.None);

    public Task<T> Receives<T>(Func<T, bool> match, string what, TimeSpan? timeout = null) where T : class =>
        Eventually.ValueAsync(() => Task.FromResult(_received.OfType<T>().FirstOrDefault(match)), timeout ?? TimeSpan.FromSeconds(30), what);

    public IReadOnlyList<T> ReceivedSoFar<T>(Func<T, bool> match) => [.. _received.OfType<T>().Where(match)];

    /// <summary>How many events the probation event store holds for a stream.</summary>
    public async Task<long> EventsIn(Guid streamId)
    {
        await using var connection = new NpgsqlConnection(_bed.ConnectionStringFor(ProbationHost.Name));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from masip.mt_events where stream_id = @id", connection);
        command.Parameters.AddWithValue("id", streamId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>How many events of a type (Marten's name, e.g. "psr_due_alert_raised") a stream holds.</summary>
    public Task<long> EventsOf(Guid streamId, string type) =>
        Scalar<long>("select count(*) from masip.mt_events where stream_id = @p0 and type = @p1", streamId, type);

    /// <summary>The document of <paramref name="table"/> with this id, as JSON (null: none).</summary>
    public async Task<JsonElement?> Document(string table, Guid id)
    {
        var json = await Scalar<string?>($"select data::text from masip.{table} where id = @p0", id);
        return json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>One value from the probation database (parameters @p0, @p1, ...).</summary>
    public async Task<T> Scalar<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(_bed.ConnectionStringFor(ProbationHost.Name));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++)
            command.Parameters.AddWithValue($"p{i}", parameters[i]);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)value;
    }

    /// <summary>Whether the probation database holds a document of <paramref name="table"/> (mt_doc_...) with this id.</summary>
    public async Task<bool> HasDocument(string table, Guid id)
    {
        await using var connection = new NpgsqlConnection(_bed.ConnectionStringFor(ProbationHost.Name));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from masip.{table} where id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels.Values)
            channel.Dispose();
        await _bus.StopAsync();
    }

    // ---- synthetic data

    public static string NewPnc() => $"99/{Random.Shared.Next(100000, 999999)}{(char)('A' + Random.Shared.Next(26))}";

    public static RegisterPersonRequest NewPerson(Guid? perpetratorId = null) => new()
    {
        PersonId = Guid.NewGuid().ToString(),
        Name = "Test Person " + Random.Shared.Next(100, 999),
        DateOfBirth = "1990-01-02",
        PncId = NewPnc(),
        PerpetratorId = perpetratorId?.ToString() ?? "",
    };

    public static string Date(int daysFromToday) => DateTime.UtcNow.Date.AddDays(daysFromToday).ToString("yyyy-MM-dd");

    /// <summary>The call fails with <paramref name="code"/> and a message that starts with the field.</summary>
    public static async Task<RpcException> Refused<T>(AsyncUnaryCall<T> call, StatusCode code, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(code, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail);
        return error;
    }
}
