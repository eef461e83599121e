using System.CommandLine;
using Masip.Contracts.Common;
using Masip.Contracts.Outbox;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Cli;

/// <summary>
/// `masip outbox ...` and `masip topology`: for the people who run a deployment. The events a
/// service's outbox parked (they could not become messages) and replaying one once the cause is
/// fixed; declaring every receiver's queue before the services start.
/// </summary>
public static class OutboxCommands
{
    private static readonly CliIdentity Operator = new("police", "operator", "dev-police-operator");

    public static Command Build(CliEnvironment env)
    {
        var outbox = new Command("outbox", "A service's parked outbox events (default --as police/operator; use --as AGENCY/operator for another agency's service)");
        outbox.Subcommands.Add(Parked(env));
        outbox.Subcommands.Add(Replay(env));
        return outbox;
    }

    private static Option<string> ServiceOption()
    {
        var service = new Option<string>("--service") { Description = "Whose outbox: police, probation, nhs, advocacy, meetings", DefaultValueFactory = _ => "police" };
        service.AcceptOnlyFromAmong([.. CliEnvironment.Ports.Keys]);
        return service;
    }

    private static Command Parked(CliEnvironment env)
    {
        var service = ServiceOption();
        var all = new Option<bool>("--all") { Description = "Also the ones replayed already" };
        var command = new Command("parked", "The events this service's outbox parked, open ones first") { service, all };
        command.Handle(env, Operator, async run =>
        {
            var client = new Outbox.OutboxClient(run.Channel(run.Value(service)));
            var reply = new ParkedMessagesReply();
            var page = new PageRequest { PageSize = 500 };
            while (true)
            {
                var next = await client.ListParkedMessagesAsync(new ListParkedMessagesRequest { IncludeReplayed = run.Value(all), Page = page }, run.Call);
                reply.Parked.AddRange(next.Parked);
                reply.Page = next.Page;
                if (next.Page.NextPageToken.Length == 0)
                    break;
                page = new PageRequest { PageSize = 500, PageToken = next.Page.NextPageToken };
            }
            return run.Print(reply, () =>
            {
                var table = new Table("ID", "STATUS", "SEQUENCE", "EVENT", "MESSAGE", "PARKED AT", "ERROR");
                foreach (var p in reply.Parked)
                    table.Row(p.ParkedId, p.Status, p.Sequence, p.EventType, p.MessageType, p.ParkedAt, $"{p.ErrorType}: {p.Error}");
                table.WriteTo(run.Out, "nothing is parked: every event went out");
            });
        });
        return command;
    }

    private static Command Replay(CliEnvironment env)
    {
        var id = new Argument<string>("parked-id") { Description = "The ID that `masip outbox parked` shows" };
        var service = ServiceOption();
        var command = new Command("replay", "Map a parked event again and publish its messages (same ids: receivers drop what they have)") { id, service };
        command.Handle(env, Operator, async run =>
        {
            var reply = await new Outbox.OutboxClient(run.Channel(run.Value(service)))
                .ReplayParkedMessageAsync(new ReplayParkedMessageRequest { ParkedId = run.Value(id) }, run.Call);
            return run.Print(reply, () => run.Fields(("parked", reply.ParkedId), ("status", reply.Status), ("event", reply.EventType),
                ("messages published", reply.MessagesPublished), ("replayed at", reply.ReplayedAt)));
        });
        return command;
    }

    /// <summary>`masip topology`: every receiver's queue, declared from the contracts (the Kubernetes topology Job runs this).</summary>
    public static Command Topology(CliEnvironment env)
    {
        var broker = new Option<string>("--broker")
        {
            Description = "amqp://user:password@host:port/vhost (default: ConnectionStrings__rabbitmq, else the local development broker)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ConnectionStrings__rabbitmq") ?? "amqp://masip:masip@127.0.0.1:5672/",
        };
        // The defaults are the services' own settings (Masip__Messaging__*), so the Kubernetes Job reads the services' ConfigMap.
        var quorum = new Option<bool>("--quorum")
        {
            Description = "Declare quorum queues (a RabbitMQ cluster) (default: Masip__Messaging__QuorumQueues)",
            DefaultValueFactory = _ => bool.TryParse(Environment.GetEnvironmentVariable("Masip__Messaging__QuorumQueues"), out var on) && on,
        };
        var deliveryLimit = new Option<int>("--delivery-limit")
        {
            Description = "Quorum queues: deliveries before a message is dead-lettered (default: Masip__Messaging__DeliveryLimit, else 20)",
            DefaultValueFactory = _ => int.TryParse(Environment.GetEnvironmentVariable("Masip__Messaging__DeliveryLimit"), out var limit) ? limit : 20,
        };
        var clusterNodes = new Option<string?>("--cluster-nodes")
        {
            Description = "host:port,host:port,... of a RabbitMQ cluster (default: Masip__Messaging__ClusterNodes)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Masip__Messaging__ClusterNodes"),
        };
        var command = new Command("topology", "Declare the exchange of every integration message and the queue of every service that receives it") { broker, quorum, deliveryLimit, clusterNodes };
        command.SetAction(async (parsed, ct) =>
        {
            if (!Uri.TryCreate(parsed.GetValue(broker), UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
            {
                env.Error.WriteLine("masip: --broker: expected amqp://user:password@host:port/vhost");
                return MasipCli.UsageError;
            }
            try
            {
                await MessageTopology.DeclareAsync(uri, parsed.GetValue(quorum), parsed.GetValue(deliveryLimit), ct,
                    (parsed.GetValue(clusterNodes) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.OperationInterruptedException
                                           or System.Net.Sockets.SocketException)
            {
                env.Error.WriteLine($"error: Unavailable: the broker at {uri.Host}:{uri.Port} refused the topology ({ex.GetType().Name}: {ex.Message.Split('\n')[0]})");
                return MasipCli.RpcError;
            }
            var routes = MessageTopology.Routes();
            var table = new Table("QUEUE", "RECEIVES", "FROM EXCHANGE");
            foreach (var route in routes)
                table.Row(route.Queue, route.MessageType.Name, route.Exchange);
            table.WriteTo(env.Out, "no integration messages in the contracts");
            env.Out.WriteLine($"{routes.Count} receiver queues declared{(parsed.GetValue(quorum) ? " (quorum)" : "")}");
            return MasipCli.Ok;
        });
        return command;
    }
}
