using Marten;
using MassTransit;
using Masip.ServiceDefaults.Messaging;
using Masip.ServiceDefaults.Persistence;
using Masip.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>
/// Publishes a partner's message as the publisher's outbox relay does (its MessageId and its
/// position in the publisher's event store in the headers), and waits until a consumer has taken
/// a message: the barrier after which a message that had to be ignored can be shown to have
/// changed nothing.
/// </summary>
internal static class PartnerNews
{
    public static async Task<Guid> PublishAsync<T>(ServiceUnderTest<PoliceHost> host, T message, long sequence, Guid stream) where T : class
    {
        var messageId = NewId.NextGuid();
        await host.Services.GetRequiredService<IBus>().Publish(message, c =>
        {
            c.MessageId = messageId;
            c.Headers.Set(MessageSource.SequenceHeader, sequence);
            c.Headers.Set(MessageSource.StreamHeader, stream.ToString());
            c.Headers.Set(MessageSource.VersionHeader, 1L);
        });
        return messageId;
    }

    /// <summary>Waits until <typeparamref name="TConsumer"/> recorded the message as consumed (its inbox record).</summary>
    public static async Task ConsumedAsync<TConsumer>(ServiceUnderTest<PoliceHost> host, Guid messageId)
    {
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var key = InboxRecord.KeyFor(typeof(TConsumer).Name, messageId);
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            await using var session = store.QuerySession();
            return await session.LoadAsync<InboxRecord>(key) is not null;
        }, TimeSpan.FromSeconds(30)), $"{typeof(TConsumer).Name} did not consume message {messageId} within 30 s");
    }
}
