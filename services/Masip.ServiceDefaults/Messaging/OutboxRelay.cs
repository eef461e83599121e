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
using Microsoft.Extensions.Logging;

namespace Masip.ServiceDefaults.Messaging;

/// <summary>
/// The event store is the outbox (DESIGN.md "How a change travels", step 3). The async daemon
/// feeds this subscription every committed event in order; the ones another agency needs are
/// mapped to integration messages and published with MessageId derived from the event id. The daemon
/// advances the subscription's position only when this method returns, and it returns only
/// after RabbitMQ has confirmed every message of the page (publisher confirms), so a message
/// is never lost; a crash between confirm and checkpoint republishes with the same id, and the
/// receiver's inbox drops the copy.
/// </summary>
public sealed class OutboxRelay : SubscriptionBase
{
    public const string RelayName = "integration-outbox";

    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(15);

    private readonly IBus _bus;
    private readonly ILogger<OutboxRelay> _logger;
    private readonly Dictionary<Type, IIntegrationEventMap[]> _maps;
    private readonly SharingAgreement _agreement;
    private readonly DisclosureAuditor _auditor;
    private readonly ServiceIdentity _service;
    private readonly ConcurrentDictionary<Type, string[]> _checked = new();

    public OutboxRelay(IBus bus, IEnumerable<IIntegrationEventMap> maps, SharingAgreement agreement, DisclosureAuditor auditor,
        ServiceIdentity service, ILogger<OutboxRelay> logger)
    {
        _bus = bus;
        _logger = logger;
        _agreement = agreement;
        _auditor = auditor;
        _service = service;
        // One event may need several messages (an SPO breach: to partners, and to the victim's advocate).
        _maps = maps.GroupBy(m => m.EventType).ToDictionary(g => g.Key, g => g.ToArray());
        Name = RelayName;
        foreach (var type in _maps.Keys)
            IncludeType(type);
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var disclosures = new List<Disclosure>();
        foreach (var @event in page.Events)
        {
            if (!_maps.TryGetValue(@event.EventType, out var maps))
                continue;
            for (var index = 0; index < maps.Length; index++)
            {
                var message = maps[index].Map(@event);
                if (message is null)
                    continue;
                var personalClasses = EnsureReceiversMayHold(message.GetType());
                var messageId = MessageIdFor(@event, message);
                await PublishUntilConfirmed(@event, messageId, message, cancellationToken);
                if (personalClasses.Length > 0 && DisclosureOf(@event, messageId, message, personalClasses) is { } disclosure)
                    disclosures.Add(disclosure);
            }
        }
        // Before the position moves on, with ids derived from the message ids: a page replayed
        // after a crash publishes again (the receivers' inboxes drop the copies) and audits nothing twice.
        await _auditor.RecordOnceAsync(disclosures, cancellationToken);
        return NullChangeListener.Instance;
    }

    // The message exit of the sharing policy: a message type carrying a class that a receiving
    // service may not hold is never published (fail closed; ContractCheck tests catch it first).
    private string[] EnsureReceiversMayHold(Type messageType) => _checked.GetOrAdd(messageType, type =>
    {
        var problems = ContractCheck.Message(type, _agreement);
        if (problems.Count > 0)
            throw new InvalidOperationException($"{type.Name} may not be published under the sharing agreement: {string.Join("; ", problems)}");
        return ContractCheck.Fields(type).Select(f => f.DataClass!).Where(_agreement.IsPersonal).Distinct().ToArray();
    });

    private Disclosure? DisclosureOf(IEvent @event, Guid messageId, object message, string[] classes)
    {
        var subjects = ContractCheck.Subjects(message);
        if (subjects.Count == 0)
            return null;
        var receivers = message.GetType().GetCustomAttribute<ReceivedByAttribute>()!.Agencies;
        return new Disclosure([.. subjects.Select(s => new AuditSubject(s.Kind, s.Id))], $"service:{_service.Name}",
            _service.Name, "service", Recipient: string.Join(",", receivers), Channel: "message", Operation: message.GetType().Name,
            classes, Purpose: "message", TraceId: @event.Id.ToString(), EntryId: DeterministicId.For("disclosure-of-message", messageId, "audit"));
    }

    /// <summary>
    /// A message's id: a name-based UUID of the event's id and the message's type, so the same
    /// event always gives the same id for the same message, whatever order the maps were
    /// registered in; a republished page is deduplicated by the receivers' inboxes.
    /// </summary>
    public static Guid MessageIdFor(IEvent @event, object message) =>
        DeterministicId.For("integration-message", @event.Id, message.GetType().Name);

    // Broker down is a wait, not a failure: keep the page (and the order of what follows) until
    // RabbitMQ is back. Only shutdown stops the loop.
    private async Task PublishUntilConfirmed(IEvent @event, Guid messageId, object message, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(PublishTimeout);
            try
            {
                await _bus.Publish(message, message.GetType(), Pipe.Execute<PublishContext>(context =>
                {
                    context.MessageId = messageId;
                    context.CorrelationId = @event.StreamId;
                    context.Headers.Set(MessageSource.SequenceHeader, @event.Sequence);
                    context.Headers.Set(MessageSource.StreamHeader, @event.StreamId.ToString());
                    context.Headers.Set(MessageSource.VersionHeader, @event.Version);
                }), timeout.Token);
                if (attempt > 1)
                    _logger.LogInformation("Published event {EventId} ({MessageType}) after {Attempts} attempts", @event.Id, message.GetType().Name, attempt);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning("Publishing event {EventId} ({MessageType}) failed on attempt {Attempt}: {Error}; retrying in {Backoff}",
                    @event.Id, message.GetType().Name, attempt, ex.GetType().Name, backoff);
                await Task.Delay(backoff, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }
}
