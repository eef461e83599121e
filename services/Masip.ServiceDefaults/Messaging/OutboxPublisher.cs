using System.Reflection;
using JasperFx.Events;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Audit;
using Masip.ServiceDefaults.Persistence;
using Masip.ServiceDefaults.Sharing;
using Masip.ServiceDefaults.Tenancy;
using Microsoft.Extensions.Logging;

namespace Masip.ServiceDefaults.Messaging;

/// <summary>One integration message made of one committed event, ready to publish.</summary>
public sealed record OutgoingMessage(IEvent Event, Guid MessageId, object Message, IReadOnlyList<string> PersonalClasses);

/// <summary>A message that cannot be published (it cannot be serialised): it is parked, not retried forever.</summary>
public sealed record FailedMessage(IEvent Event, Type? MessageType, Exception Error);

/// <summary>
/// Publishes a page of messages at once and waits for RabbitMQ to confirm them together (publisher
/// confirms), then records their disclosures in one write. The broker being away is a wait, not a
/// failure: what did not get confirmed is published again, with the same ids, until it is, in
/// the page's order of retries; only shutdown stops it. A message that cannot be serialised is
/// handed back to be parked.
/// </summary>
public sealed class OutboxPublisher(IBus bus, TopologyDeclarer topology, DisclosureAuditor auditor, ServiceIdentity service,
    OutboxMetrics metrics, ILogger<OutboxPublisher> logger)
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(15);
    private const int Concurrency = 256;

    public async Task<IReadOnlyList<FailedMessage>> PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
            return [];
        // A receiver's queue must exist before its first message is published (see MessageTopology).
        await topology.Ready.WaitAsync(cancellationToken);
        var failed = new List<FailedMessage>();
        var pending = messages.ToList();
        var backoff = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var retry = new List<OutgoingMessage>();
            foreach (var chunk in pending.Chunk(Concurrency))
            {
                var results = await Task.WhenAll(chunk.Select(m => TryPublish(m, cancellationToken)));
                for (var i = 0; i < chunk.Length; i++)
                {
                    switch (results[i])
                    {
                        case null:
                            metrics.Published(chunk[i].Message.GetType());
                            break;
                        case var error when IsPermanent(error):
                            failed.Add(new FailedMessage(chunk[i].Event, chunk[i].Message.GetType(), error));
                            break;
                        case var error:
                            retry.Add(chunk[i]);
                            if (retry.Count == 1)
                                logger.LogWarning("Publishing failed on attempt {Attempt} ({Error}, event {EventId}); retrying in {Backoff}",
                                    attempt, error.GetType().Name, chunk[i].Event.Id, backoff);
                            break;
                    }
                }
            }
            if (retry.Count == 0)
                break;
            await Task.Delay(backoff, cancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            pending = retry;
        }

        var published = messages.Where(m => failed.All(f => f.Event.Id != m.Event.Id || f.MessageType != m.Message.GetType())).ToList();
        // Before the position moves on, with ids derived from the message ids: a page replayed
        // after a crash publishes again (the receivers' inboxes drop the copies) and audits nothing twice.
        await auditor.RecordOnceAsync([.. published.Select(DisclosureOf).OfType<Disclosure>()], cancellationToken);
        return failed;
    }

    private async Task<Exception?> TryPublish(OutgoingMessage outgoing, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PublishTimeout);
        try
        {
            var @event = outgoing.Event;
            await bus.Publish(outgoing.Message, outgoing.Message.GetType(), Pipe.Execute<PublishContext>(context =>
            {
                context.MessageId = outgoing.MessageId;
                context.CorrelationId = @event.StreamId;
                context.Headers.Set(MessageSource.SequenceHeader, @event.Sequence);
                context.Headers.Set(MessageSource.StreamHeader, @event.StreamId.ToString());
                context.Headers.Set(MessageSource.VersionHeader, @event.Version);
                if (Forces.CurrentHeader is { } force)
                    context.Headers.Set(Forces.Header, force);
            }), timeout.Token);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return ex;
        }
    }

    // The message itself is at fault (it cannot be serialised): publishing it again cannot help.
    private static bool IsPermanent(Exception ex) => ex switch
    {
        System.Text.Json.JsonException or NotSupportedException or System.Runtime.Serialization.SerializationException => true,
        _ when ex.GetType().Name == "SerializationException" => true, // MassTransit's own
        _ => ex.InnerException is { } inner && IsPermanent(inner),
    };

    /// <summary>
    /// A message's id: a name-based UUID of the event's id and the message's type, so the same
    /// event always gives the same id for the same message, whatever order the maps were
    /// registered in; a republished page is deduplicated by the receivers' inboxes.
    /// </summary>
    public static Guid MessageIdFor(IEvent @event, object message) =>
        DeterministicId.For("integration-message", @event.Id, message.GetType().Name);

    private Disclosure? DisclosureOf(OutgoingMessage outgoing)
    {
        if (outgoing.PersonalClasses.Count == 0)
            return null;
        var subjects = ContractCheck.Subjects(outgoing.Message);
        if (subjects.Count == 0)
            return null;
        // Every declared receiver holds a queue before anything is published (MessageTopology), and
        // the declared-equals-consumed test keeps [ReceivedBy] to the services that consume it.
        var receivers = outgoing.Message.GetType().GetCustomAttribute<ReceivedByAttribute>()!.Agencies;
        return new Disclosure([.. subjects.Select(s => new AuditSubject(s.Kind, s.Id))], $"service:{service.Name}", service.Name, "service",
            Recipient: string.Join(",", receivers), Channel: "message", Operation: outgoing.Message.GetType().Name, outgoing.PersonalClasses,
            Purpose: "message", TraceId: outgoing.Event.Id.ToString(),
            EntryId: DeterministicId.For("disclosure-of-message", outgoing.MessageId, "audit"));
    }
}
