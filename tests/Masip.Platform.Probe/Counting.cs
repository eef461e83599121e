using Marten;
using MassTransit;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Platform.Probe;

public sealed class ProbeHost
{
    public const string Name = "probe";
}

/// <summary>A count that goes up by one for every message handled: not idempotent on its own.</summary>
public sealed class Counter
{
    public Guid Id { get; set; }
    public int Count { get; set; }
}

public sealed record ProbeCountedV1(Guid CounterId);

public sealed record ProbeRawCountedV1(Guid CounterId);

/// <summary>Counts behind the inbox: a redelivered message (same MessageId) counts once.</summary>
public sealed class CountingConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<CountingConsumer> logger)
    : InboxConsumer<ProbeCountedV1>(pipeline, service, logger)
{
    protected override async Task Handle(ProbeCountedV1 message, CommandScope scope, ConsumeContext<ProbeCountedV1> context)
    {
        var counter = await scope.Session.LoadAsync<Counter>(message.CounterId, scope.Cancellation) ?? new Counter { Id = message.CounterId };
        counter.Count++;
        scope.Session.Store(counter);
    }
}

/// <summary>The same count without the inbox: the control that shows a redelivery would count twice.</summary>
public sealed class RawCountingConsumer(IDocumentStore store) : IConsumer<ProbeRawCountedV1>
{
    public async Task Consume(ConsumeContext<ProbeRawCountedV1> context)
    {
        await using var session = store.LightweightSession();
        var counter = await session.LoadAsync<Counter>(context.Message.CounterId) ?? new Counter { Id = context.Message.CounterId };
        counter.Count++;
        session.Store(counter);
        await session.SaveChangesAsync();
    }
}
