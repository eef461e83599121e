using System.Reflection;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Masip.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ: durable queues named per service and message ("advocacy-..."),
    /// declared for every receiver before anything is published (<see cref="MessageTopology"/>),
    /// quorum queues when Masip:Messaging:QuorumQueues is set (with a delivery limit and a dead-letter
    /// queue each), a RabbitMQ cluster's nodes from Masip:Messaging:ClusterNodes, retries with
    /// back-off then the error queue, publisher confirms (the outbox relay relies on them).
    /// </summary>
    public static WebApplicationBuilder AddMasipMessaging(
        this WebApplicationBuilder builder, string service, Assembly consumers)
    {
        builder.Services.AddSingleton<TopologyDeclarer>();
        builder.Services.AddSingleton<OutboxMetrics>();
        builder.Services.AddSingleton<OutboxPublisher>();
        builder.Services.AddSingleton<OutboxMapper>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<TopologyDeclarer>());
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new MasipEndpointNameFormatter(service));
            bus.AddConsumers(consumers);
            bus.AddConfigureEndpointsCallback((context, queue, endpoint) =>
            {
                var configuration = context.GetRequiredService<IConfiguration>();
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit && configuration.GetValue(MessageTopology.QuorumKey, false))
                {
                    // The same arguments the topology declares: RabbitMQ refuses a queue redeclared differently.
                    rabbit.SetQuorumQueue();
                    foreach (var (name, value) in MessageTopology.QueueArguments(true, configuration.GetValue(MessageTopology.DeliveryLimitKey, 20), queue)!)
                        rabbit.SetQueueArgument(name, value);
                }
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                // Read when the bus is built, so test hosts can override the configuration.
                var broker = MasipConfiguration.RabbitMq(context.GetRequiredService<IConfiguration>());
                var credentials = Uri.UnescapeDataString(broker.UserInfo).Split(':', 2);
                var virtualHost = broker.AbsolutePath.Trim('/') is { Length: > 0 } path ? Uri.UnescapeDataString(path) : "/";
                rabbit.Host(broker.Host, (ushort)(broker.IsDefaultPort ? 5672 : broker.Port), virtualHost, host =>
                {
                    host.Username(credentials[0]);
                    host.Password(credentials.Length > 1 ? credentials[1] : "");
                    host.PublisherConfirmation = true;
                    // A cluster: connect (and reconnect) to whichever listed node answers.
                    if (MessageTopology.ClusterNodes(context.GetRequiredService<IConfiguration>()) is { Count: > 0 } nodes)
                        host.UseCluster(cluster =>
                        {
                            foreach (var node in nodes)
                                cluster.Node(node);
                        });
                    if (broker.Scheme == "amqps")
                        host.UseSsl(ssl => ssl.ServerName = broker.Host);
                });
                rabbit.Durable = true;
                // How many messages each endpoint takes at once (a test that needs strict order sets 1).
                if (context.GetRequiredService<IConfiguration>().GetValue<int?>("Masip:Messaging:PrefetchCount") is { } prefetch)
                {
                    rabbit.PrefetchCount = prefetch;
                    rabbit.ConcurrentMessageLimit = prefetch;
                }
                var configuration = context.GetRequiredService<IConfiguration>();
                rabbit.UseMessageRetry(retry => retry.Exponential(
                    retryLimit: configuration.GetValue("Masip:Messaging:RetryLimit", 5),
                    minInterval: TimeSpan.FromMilliseconds(configuration.GetValue("Masip:Messaging:RetryMinMilliseconds", 200)),
                    maxInterval: TimeSpan.FromSeconds(10),
                    intervalDelta: TimeSpan.FromMilliseconds(300)));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
