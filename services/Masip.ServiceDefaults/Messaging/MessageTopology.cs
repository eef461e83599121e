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

    /// <summary>The nodes of a RabbitMQ cluster, "host:port,host:port,...": a connection goes to the first that answers.</summary>
    public const string ClusterNodesKey = "Masip:Messaging:ClusterNodes";

    /// <summary>The configured cluster nodes ("host" or "host:port"), none when the broker is one node.</summary>
    public static IReadOnlyList<string> ClusterNodes(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        (configuration[ClusterNodesKey] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

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

    /// <summary>Where a receiver's quorum queue sends a message delivered more than the delivery limit allows: "advocacy-...-v1_dead-letter".</summary>
    public static string DeadLetterFor(string queue) => $"{queue}_dead-letter";

    /// <summary>
    /// The arguments every receiving queue is declared with (the same on both sides, or RabbitMQ refuses the second).
    /// Quorum: a message returned to the queue more than <paramref name="deliveryLimit"/> times (a consumer that
    /// crashes on it every time) is moved to the queue's dead-letter queue, at least once (the broker keeps it until
    /// the dead-letter queue confirms), never dropped. Classic queues keep no delivery count.
    /// </summary>
    public static IDictionary<string, object?>? QueueArguments(bool quorum, int deliveryLimit, string queue) => quorum
        ? new Dictionary<string, object?>
        {
            ["x-queue-type"] = "quorum",
            ["x-delivery-limit"] = deliveryLimit,
            ["x-dead-letter-exchange"] = DeadLetterFor(queue),
            ["x-dead-letter-strategy"] = "at-least-once",
            ["x-overflow"] = "reject-publish",
        }
        : null;

    /// <summary>Declares the exchanges, queues and bindings of every route (idempotent).</summary>
    public static async Task DeclareAsync(IChannel channel, bool quorum, int deliveryLimit, CancellationToken cancellationToken)
    {
        foreach (var route in Routes())
        {
            await channel.ExchangeDeclareAsync(route.Exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.ExchangeDeclareAsync(route.Queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            if (quorum)
            {
                var deadLetter = DeadLetterFor(route.Queue);
                await channel.ExchangeDeclareAsync(deadLetter, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
                await channel.QueueDeclareAsync(deadLetter, durable: true, exclusive: false, autoDelete: false,
                    arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
                await channel.QueueBindAsync(deadLetter, deadLetter, "", cancellationToken: cancellationToken);
            }
            await channel.QueueDeclareAsync(route.Queue, durable: true, exclusive: false, autoDelete: false,
                arguments: QueueArguments(quorum, deliveryLimit, route.Queue), cancellationToken: cancellationToken);
            await channel.QueueBindAsync(route.Queue, route.Queue, "", cancellationToken: cancellationToken);
            await channel.ExchangeBindAsync(route.Queue, route.Exchange, "", cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// Connects to <paramref name="broker"/> (amqp://user:password@host:port/vhost), or to the first of
    /// <paramref name="clusterNodes"/> that answers (with the broker's credentials and vhost), and declares the topology.
    /// </summary>
    public static async Task DeclareAsync(Uri broker, bool quorum, int deliveryLimit, CancellationToken cancellationToken,
        IReadOnlyList<string>? clusterNodes = null)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "masip-topology" };
        await using var connection = clusterNodes is { Count: > 0 }
            ? await factory.CreateConnectionAsync(clusterNodes.Select(node => AmqpTcpEndpoint.Parse(node)).ToList(), cancellationToken)
            : await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await DeclareAsync(channel, quorum, deliveryLimit, cancellationToken);
    }
}
