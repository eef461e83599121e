using System.Collections.Concurrent;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Messaging;
using Masip.Testing;

namespace Masip.Advocacy.IntegrationTests;

/// <summary>
/// A MassTransit bus on the test bed's virtual host: publishes what the police would, and
/// catches what advocacy publishes through its outbox (a queue bound to each message type).
/// </summary>
public sealed class Broker : IAsyncDisposable
{
    private readonly IBusControl _bus;

    public ConcurrentQueue<(Guid? MessageId, AdvocacyReferralDecidedV1 Message)> Decided { get; } = new();
    public ConcurrentQueue<(Guid? MessageId, VictimUpdateOverdueV1 Message)> Overdue { get; } = new();
    public ConcurrentQueue<(Guid? MessageId, VictimVoiceSharedV1 Message)> VoiceShared { get; } = new();
    public ConcurrentQueue<(Guid? MessageId, VictimVoiceWithdrawnV1 Message)> VoiceWithdrawn { get; } = new();
    public ConcurrentQueue<(Guid? MessageId, ReferralAwaitingDecisionV1 Message)> Awaiting { get; } = new();

    private Broker(IBusControl bus) => _bus = bus;

    public static async Task<Broker> StartAsync(TestBed bed)
    {
        Broker? broker = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(bed.Broker, h =>
            {
                var user = Uri.UnescapeDataString(bed.Broker.UserInfo).Split(':');
                h.Username(user[0]);
                h.Password(user[1]);
            });
            rabbit.ReceiveEndpoint("test-catcher-" + Guid.NewGuid().ToString("N")[..8], e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<AdvocacyReferralDecidedV1>(c => Catch(broker!.Decided, c));
                e.Handler<VictimUpdateOverdueV1>(c => Catch(broker!.Overdue, c));
                e.Handler<VictimVoiceSharedV1>(c => Catch(broker!.VoiceShared, c));
                e.Handler<VictimVoiceWithdrawnV1>(c => Catch(broker!.VoiceWithdrawn, c));
                e.Handler<ReferralAwaitingDecisionV1>(c => Catch(broker!.Awaiting, c));
            });
        });
        broker = new Broker(bus);
        await bus.StartAsync();
        return broker;
    }

    private static Task Catch<T>(ConcurrentQueue<(Guid?, T)> into, ConsumeContext<T> context) where T : class
    {
        into.Enqueue((context.MessageId, context.Message));
        return Task.CompletedTask;
    }

    public Task Publish<T>(T message, Guid messageId) where T : class =>
        _bus.Publish(message, context => context.MessageId = messageId);

    /// <summary>Publishes as the outbox relay does: with the event's position in the publisher's store in the headers.</summary>
    public Task Publish<T>(T message, Guid messageId, MessageSource source) where T : class =>
        _bus.Publish(message, context =>
        {
            context.MessageId = messageId;
            context.Headers.Set(MessageSource.SequenceHeader, source.Sequence);
            context.Headers.Set(MessageSource.StreamHeader, source.StreamId.ToString());
            context.Headers.Set(MessageSource.VersionHeader, source.Version);
        });

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
