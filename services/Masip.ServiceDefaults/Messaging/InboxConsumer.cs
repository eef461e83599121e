using JasperFx;
using Marten;
using MassTransit;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Persistence;
using Masip.ServiceDefaults.Tenancy;
using Microsoft.Extensions.Logging;

namespace Masip.ServiceDefaults.Messaging;

/// <summary>
/// A consumer whose effects and the record of having consumed the message commit in one
/// transaction of the command pipeline (the inbox): a redelivered message (same MessageId)
/// changes nothing. The actor of what it appends is this service, acting on the message.
/// </summary>
public abstract class InboxConsumer<TMessage>(CommandPipeline pipeline, ServiceIdentity service, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId; the inbox cannot deduplicate it.");
        // The force the message is for: its header (none in a deployment that serves one force).
        var force = context.Headers.Get<string>(Forces.Header);
        var tenant = pipeline.Forces.TenantFor(force)
            ?? throw new InvalidOperationException(
                $"{typeof(TMessage).Name} {messageId} is for force '{force ?? "(none)"}', which this deployment of {service.Name} does not serve.");
        using var forceScope = Forces.Enter(tenant);
        var key = InboxRecord.KeyFor(GetType().Name, messageId);
        var skipped = false;
        try
        {
            await pipeline.Run(Actor.Service(service.Name, typeof(TMessage).Name), async scope =>
            {
                if (await scope.Session.LoadAsync<InboxRecord>(key, scope.Cancellation) is not null)
                {
                    skipped = true;
                    return;
                }
                scope.Session.Insert(new InboxRecord(key, typeof(TMessage).Name, messageId, scope.Now));
                await Handle(context.Message, scope, context);
            }, context.CancellationToken, session =>
            {
                if (context.CorrelationId is { } correlation)
                    session.CorrelationId = correlation.ToString();
                session.CausationId = messageId.ToString();
            });
        }
        catch (Exception ex) when (IsDuplicateInboxRecord(ex))
        {
            // A concurrent delivery of the same message committed first: its effects stand.
            skipped = true;
        }
        if (skipped)
            logger.LogInformation("Skipped {MessageType} {MessageId}: already consumed", typeof(TMessage).Name, messageId);
    }

    /// <summary>The service consuming (its name is its agency's, or "meetings").</summary>
    protected string ServiceName => service.Name;

    protected ILogger Logger => logger;

    /// <summary>Decide and append to <paramref name="scope"/>'s session; do not save: the pipeline commits.</summary>
    protected abstract Task Handle(TMessage message, CommandScope scope, ConsumeContext<TMessage> context);

    private static bool IsDuplicateInboxRecord(Exception ex) =>
        ex is DocumentAlreadyExistsException { Id: string id } && id.Contains(':')
        || ex.InnerException is { } inner && IsDuplicateInboxRecord(inner);
}
