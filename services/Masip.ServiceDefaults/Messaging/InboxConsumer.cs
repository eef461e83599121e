using JasperFx;
using Marten;
using MassTransit;
using Masip.ServiceDefaults.Persistence;
using Microsoft.Extensions.Logging;

namespace Masip.ServiceDefaults.Messaging;

/// <summary>
/// A consumer whose effects and the record of having consumed the message commit in one
/// Marten transaction (the inbox). A redelivered message (same MessageId) changes nothing.
/// </summary>
public abstract class InboxConsumer<TMessage>(IDocumentStore store, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId; the inbox cannot deduplicate it.");
        var key = InboxRecord.KeyFor(GetType().Name, messageId);

        await using var session = store.LightweightSession();
        if (context.CorrelationId is { } correlation)
            session.CorrelationId = correlation.ToString();
        session.CausationId = messageId.ToString();

        if (await session.LoadAsync<InboxRecord>(key, context.CancellationToken) is not null)
        {
            logger.LogInformation("Skipped {MessageType} {MessageId}: already consumed", typeof(TMessage).Name, messageId);
            return;
        }

        session.Insert(new InboxRecord(key, typeof(TMessage).Name, messageId, DateTimeOffset.UtcNow));
        await Handle(context.Message, session, context);
        try
        {
            await session.SaveChangesAsync(context.CancellationToken);
        }
        catch (Exception ex) when (IsDuplicateInboxRecord(ex))
        {
            // A concurrent delivery of the same message committed first: its effects stand.
            logger.LogInformation("Skipped {MessageType} {MessageId}: consumed concurrently", typeof(TMessage).Name, messageId);
        }
    }

    /// <summary>Decide and append to <paramref name="session"/>; do not save: the base class commits.</summary>
    protected abstract Task Handle(TMessage message, IDocumentSession session, ConsumeContext<TMessage> context);

    private static bool IsDuplicateInboxRecord(Exception ex) =>
        ex is DocumentAlreadyExistsException { Id: string id } && id.Contains(':')
        || ex.InnerException is { } inner && IsDuplicateInboxRecord(inner);
}
