using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using System.Collections.Concurrent;
using System.Reflection;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Audit;
using Masip.ServiceDefaults.Persistence;
using Masip.ServiceDefaults.Sharing;
using Masip.ServiceDefaults.Tenancy;
using Microsoft.Extensions.Logging;

namespace Masip.ServiceDefaults.Messaging;

/// <summary>
/// The event store is the outbox (DESIGN.md "How a change travels", step 3). The async daemon
/// feeds this subscription every committed event in order, a page at a time; the events another
/// agency needs are mapped to integration messages with stable ids and published together
/// (<see cref="OutboxPublisher"/>). The daemon advances the position only when this method
/// returns, and it returns only after RabbitMQ has confirmed every message of the page, so a
/// message is never lost; a crash between confirm and checkpoint republishes with the same ids,
/// and the receivers' inboxes drop the copies. An event that cannot become a message is parked
/// with its error (a <see cref="ParkedMessage"/>, committed with the position) and the relay goes on.
/// </summary>
public sealed class OutboxRelay : SubscriptionBase
{
    public const string RelayName = "integration-outbox";

    private readonly OutboxMapper _mapper;
    private readonly OutboxPublisher _publisher;
    private readonly OutboxMetrics _metrics;
    private readonly ILogger<OutboxRelay> _logger;
    private readonly Forces _forces;

    public OutboxRelay(OutboxMapper mapper, OutboxPublisher publisher, OutboxMetrics metrics, Forces forces, ILogger<OutboxRelay> logger)
    {
        _forces = forces;
        _mapper = mapper;
        _publisher = publisher;
        _metrics = metrics;
        _logger = logger;
        Name = RelayName;
        foreach (var type in mapper.EventTypes)
            IncludeType(type);
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        // The daemon runs this subscription once per force's database: what it publishes and audits is that force's.
        using var force = Forces.Enter(_forces.TenantOf(operations));
        var outgoing = new List<OutgoingMessage>();
        foreach (var @event in page.Events)
        {
            try
            {
                outgoing.AddRange(await _mapper.MessagesOfAsync(@event, operations, cancellationToken));
            }
            catch (Exception ex)
            {
                // One event our code cannot map must not stop every later message: park it and go on.
                Park(operations, new FailedMessage(@event, null, ex));
            }
        }
        foreach (var failed in await _publisher.PublishAsync(outgoing, cancellationToken))
            Park(operations, failed);
        return NullChangeListener.Instance;
    }

    // Parked in the relay's own transaction: it commits with the position that moves past the event.
    private void Park(IDocumentOperations operations, FailedMessage failed)
    {
        var @event = failed.Event;
        _logger.LogCritical(failed.Error,
            "Outbox parked event {EventId} (sequence {Sequence}, {EventType}{MessageType}); later messages go on. List and replay it with 'masip outbox'",
            @event.Id, @event.Sequence, @event.EventTypeName, failed.MessageType is null ? "" : $" as {failed.MessageType.Name}");
        operations.Store(new ParkedMessage
        {
            Id = ParkedMessage.IdFor(@event.Id), EventId = @event.Id, Sequence = @event.Sequence, StreamId = @event.StreamId,
            EventType = @event.EventTypeName, MessageType = failed.MessageType?.Name, ErrorType = failed.Error.GetType().FullName ?? "",
            Error = failed.Error.ToString(), ParkedAt = DateTimeOffset.UtcNow,
        });
        _metrics.Parked(@event.EventTypeName);
    }
}

/// <summary>
/// Turns a committed event into the integration messages other agencies need (the maps each
/// module registers with PublishIntegrationEvent), and checks each message type against the
/// sharing agreement first.
/// </summary>
public sealed class OutboxMapper
{
    private readonly Dictionary<Type, IIntegrationEventMap[]> _maps;
    private readonly SharingAgreements _agreements;
    private readonly ConcurrentDictionary<(SharingAgreement, Type), string[]> _checked = new();

    public OutboxMapper(IEnumerable<IIntegrationEventMap> maps, SharingAgreements agreements)
    {
        _agreements = agreements;
        // One event may need several messages (an SPO breach: to partners, and to the victim's advocate).
        _maps = maps.GroupBy(m => m.EventType).ToDictionary(g => g.Key, g => g.ToArray());
    }

    public IEnumerable<Type> EventTypes => _maps.Keys;

    /// <summary>The messages one event makes (none when no map wants it); throws when a map or the sharing check fails.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> MessagesOfAsync(IEvent @event, IQuerySession query, CancellationToken ct)
    {
        if (!_maps.TryGetValue(@event.EventType, out var maps))
            return [];
        var messages = new List<OutgoingMessage>();
        foreach (var map in maps)
        {
            if (await map.MapAsync(@event, query, ct) is not { } message)
                continue;
            var personal = EnsureReceiversMayHold(message.GetType());
            messages.Add(new OutgoingMessage(@event, OutboxPublisher.MessageIdFor(@event, message), message, personal));
        }
        return messages;
    }

    // The message exit of the sharing policy: a message type carrying a class that a receiving
    // service may not hold is never published (fail closed; ContractCheck tests catch it first).
    // The agreement is the force's whose events these are.
    private string[] EnsureReceiversMayHold(Type messageType) => _checked.GetOrAdd((_agreements.Current, messageType), key =>
    {
        var (agreement, type) = key;
        var problems = ContractCheck.Message(type, agreement);
        if (problems.Count > 0)
            throw new InvalidOperationException($"{type.Name} may not be published under the sharing agreement: {string.Join("; ", problems)}");
        return ContractCheck.Fields(type).Select(f => f.DataClass!).Where(agreement.IsPersonal).Distinct().ToArray();
    });
}
