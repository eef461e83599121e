using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MassTransit;
using Masip.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Masip.Advocacy.IntegrationTests;

/// <summary>
/// Counts the messages the service under test has finished consuming (its consumer returned, the
/// transaction committed or the inbox skipped it), by MessageId. A test that must show a
/// message changed nothing waits until that very message was consumed, then asserts: no sleep,
/// no hoping that a later message was handled after it. One per test bed: each test of a class
/// starts another host on the bed's queues, and any of them may take a message.
/// </summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private static readonly ConditionalWeakTable<TestBed, ConsumedMessages> PerBed = new();
    private readonly ConcurrentDictionary<Guid, int> _consumed = new();

    public static ConsumedMessages ObserveBusOf(ServiceUnderTest<AdvocacyHost> host, TestBed bed)
    {
        var observer = PerBed.GetValue(bed, _ => new ConsumedMessages());
        host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(observer);
        return observer;
    }

    public int Count(Guid messageId) => _consumed.GetValueOrDefault(messageId);

    /// <summary>Waits until the message with this id has been consumed <paramref name="times"/> times.</summary>
    public async Task Await(Guid messageId, int times = 1)
    {
        if (!await Eventually.TrueAsync(() => Task.FromResult(Count(messageId) >= times), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50)))
            throw new TimeoutException($"message {messageId} was consumed {Count(messageId)} times, not {times}, within 30 s");
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id)
            _consumed.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
