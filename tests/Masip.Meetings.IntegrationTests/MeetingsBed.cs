using System.Collections.Concurrent;
using Grpc.Core;
using MassTransit;
using Masip.Contracts.Meetings;
using Masip.Contracts.Messages;
using Marten;
using Masip.ServiceDefaults.Messaging;
using Masip.ServiceDefaults.Persistence;
using Masip.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Masip.Meetings.IntegrationTests;

/// <summary>
/// One meetings service on its own database and virtual host, a bus that publishes the agencies'
/// messages onto it, and an endpoint that collects the decisions the service publishes.
/// </summary>
public sealed class MeetingsBed : IAsyncLifetime
{
    private readonly TestBed _bed = new();
    private IBusControl _bus = null!;

    public ServiceUnderTest<MeetingsHost> Host { get; private set; } = null!;
    public Contracts.Meetings.Meetings.MeetingsClient Chair { get; private set; } = null!;
    public ConcurrentBag<MeetingDecisionRecordedV1> Decisions { get; } = [];
    public ConcurrentBag<GriffinDecisionRecordedV1> GriffinDecisions { get; } = [];

    public async Task InitializeAsync()
    {
        await _bed.InitializeAsync();
        Host = await _bed.StartAsync<MeetingsHost>(MeetingsHost.Name);
        Chair = new Contracts.Meetings.Meetings.MeetingsClient(Host.Channel);
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(_bed.Broker, h =>
            {
                var user = Uri.UnescapeDataString(_bed.Broker.UserInfo).Split(':');
                h.Username(user[0]);
                h.Password(user[1]);
            });
            rabbit.ReceiveEndpoint("meetings-test-decisions", e =>
            {
                e.Handler<MeetingDecisionRecordedV1>(context => { Decisions.Add(context.Message); return Task.CompletedTask; });
                e.Handler<GriffinDecisionRecordedV1>(context => { GriffinDecisions.Add(context.Message); return Task.CompletedTask; });
            });
        });
        await _bus.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.StopAsync();
        await _bed.DisposeAsync();
    }

    public Contracts.Meetings.Meetings.MeetingsClient As(string agency, string role, string? purpose = null, string? subject = null) =>
        new(Host.ChannelAs(agency, role, purpose, subject));

    /// <summary>The service's own store, to read what a consumer holds or to seed a large agenda.</summary>
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>
    /// Publishes a message as an agency's outbox would; returns its MessageId (the candidate's id).
    /// With a sequence, it carries the headers the relay sets: its position in the publisher's store.
    /// </summary>
    public async Task<string> Publish<T>(T message, long? sequence = null) where T : class
    {
        var id = NewId.NextGuid();
        await _bus.Publish(message, context =>
        {
            context.MessageId = id;
            if (sequence is { } position)
            {
                context.Headers.Set(MessageSource.SequenceHeader, position);
                context.Headers.Set(MessageSource.StreamHeader, Guid.NewGuid().ToString());
                context.Headers.Set(MessageSource.VersionHeader, 1L);
            }
        });
        return id.ToString();
    }

    /// <summary>Waits until <typeparamref name="TConsumer"/> has consumed the message (its inbox record committed, with its effects).</summary>
    public async Task Consumed<TConsumer>(string messageId)
    {
        var key = InboxRecord.KeyFor(typeof(TConsumer).Name, Guid.Parse(messageId));
        var consumed = await Eventually.TrueAsync(async () =>
        {
            await using var session = Store.QuerySession();
            return await session.LoadAsync<InboxRecord>(key) is not null;
        }, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200));
        Assert.True(consumed, $"{typeof(TConsumer).Name} did not consume message {messageId} within 60 s");
    }

    /// <summary>Waits until a probe meeting's agenda holds all these candidates (they crossed the broker).</summary>
    public async Task Arrived(string type, DateOnly date, IReadOnlyCollection<string> ids, string? purpose = null)
    {
        var probe = Guid.NewGuid().ToString();
        var client = purpose is null ? Chair : As("police", "meeting-chair", purpose);
        await client.ScheduleMeetingAsync(new ScheduleMeetingRequest { MeetingId = probe, Type = type, Date = Day(date), Chair = "Probe Chair" });
        var arrived = await Eventually.TrueAsync(async () =>
        {
            var agenda = await client.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = probe });
            return ids.All(id => agenda.Items.Any(i => i.ItemId == id));
        }, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(500));
        Assert.True(arrived, $"{ids.Count} messages did not all reach the meetings service within 60 s");
    }

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd");

    /// <summary>Today, or the next working day (the DMM meets on working days).</summary>
    public static DateOnly NextWorkingDay(DateOnly from)
    {
        var d = from;
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            d = d.AddDays(1);
        return d;
    }

    public static DateOnly PreviousWorkingDay(DateOnly before)
    {
        var d = before.AddDays(-1);
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            d = d.AddDays(-1);
        return d;
    }

    public static async Task<RpcException> Refused(StatusCode code, string field, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail);
        return error;
    }
}
