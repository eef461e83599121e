using System.Reflection;
using System.Text;
using Masip.Contracts.Messages;
using RabbitMQ.Client;

namespace Masip.ServiceDefaults.Messaging;

/// <summary>
/// Where each integration message goes, derived from the contracts alone: one fanout exchange per
/// message type (MassTransit's name for it), and for every service in the message's [ReceivedBy]
/// one durable queue "receiver-message-type" (the receiving service's endpoint for that message,
/// see <see cref="MasipEndpointNameFormatter"/>) bound to it. Declaring this before anything is
/// published means a message published while a receiver has never run waits in its queue until
/// it starts: nothing is lost because the services started in the wrong order, or a new agency
/// joined late. Every service declares the whole topology at start (idempotent); `masip topology`
/// and the Kubernetes topology Job run the same declaration.
/// </summary>
public static class MessageTopology
{
    public const string QuorumKey = "Masip:Messaging:QuorumQueues";
    public const string DeliveryLimitKey = "Masip:Messaging:DeliveryLimit";

    public sealed record Route(Type MessageType, string Exchange, string Receiver, string Queue);

    /// <summary>Every integration message type of the contracts and each of its receivers.</summary>
    public static IReadOnlyList<Route> Routes(Assembly? contracts = null) =>
    [
        .. (contracts ?? typeof(ReceivedByAttribute).Assembly).GetTypes()
            .Select(t => (Type: t, Receivers: t.GetCustomAttribute<ReceivedByAttribute>()?.Agencies))
            .Where(t => t.Receivers is not null)
            .SelectMany(t => t.Receivers!.Select(r => new Route(t.Type, ExchangeFor(t.Type), r, QueueFor(r, t.Type))))
            .OrderBy(r => r.Queue, StringComparer.Ordinal),
    ];

    /// <summary>MassTransit's exchange for a message type: "Namespace:TypeName".</summary>
    public static string ExchangeFor(Type messageType) => $"{messageType.Namespace}:{messageType.Name}";

    /// <summary>The receiving service's queue for one message type: "advocacy-victim-referred-to-advocacy-v1".</summary>
    public static string QueueFor(string receiver, Type messageType) => $"{receiver}-{Kebab(messageType.Name)}";

    public static string Kebab(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = i > 0 && (char.IsUpper(c) && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])))
                || char.IsDigit(c) && !char.IsLetterOrDigit(name[i - 1]));
            if (boundary)
                text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    /// <summary>The arguments every receiving queue is declared with (the same on both sides, or RabbitMQ refuses the second).</summary>
    public static IDictionary<string, object?>? QueueArguments(bool quorum, int deliveryLimit) => quorum
        ? new Dictionary<string, object?> { ["x-queue-type"] = "quorum", ["x-delivery-limit"] = deliveryLimit }
        : null;

    /// <summary>Declares the exchanges, queues and bindings of every route (idempotent).</summary>
    public static async Task DeclareAsync(IChannel channel, bool quorum, int deliveryLimit, CancellationToken cancellationToken)
    {
        foreach (var route in Routes())
        {
            await channel.ExchangeDeclareAsync(route.Exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.ExchangeDeclareAsync(route.Queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(route.Queue, durable: true, exclusive: false, autoDelete: false,
                arguments: QueueArguments(quorum, deliveryLimit), cancellationToken: cancellationToken);
            await channel.QueueBindAsync(route.Queue, route.Queue, "", cancellationToken: cancellationToken);
            await channel.ExchangeBindAsync(route.Queue, route.Exchange, "", cancellationToken: cancellationToken);
        }
    }

    /// <summary>Connects to <paramref name="broker"/> (amqp://user:password@host:port/vhost) and declares the topology.</summary>
    public static async Task DeclareAsync(Uri broker, bool quorum, int deliveryLimit, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "masip-topology" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await DeclareAsync(channel, quorum, deliveryLimit, cancellationToken);
    }
}
