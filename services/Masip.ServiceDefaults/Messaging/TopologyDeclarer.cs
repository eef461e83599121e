using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Masip.ServiceDefaults.Messaging;

/// <summary>
/// Declares the message topology (<see cref="MessageTopology"/>) when the service starts, retrying
/// while the broker is away; the outbox relay publishes nothing until it is done.
/// </summary>
public sealed class TopologyDeclarer(IConfiguration configuration, ILogger<TopologyDeclarer> logger) : BackgroundService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once every receiver's queue exists.</summary>
    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var broker = MasipConfiguration.RabbitMq(configuration);
        var quorum = configuration.GetValue(MessageTopology.QuorumKey, false);
        var deliveryLimit = configuration.GetValue(MessageTopology.DeliveryLimitKey, 20);
        var clusterNodes = MessageTopology.ClusterNodes(configuration);
        var backoff = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await MessageTopology.DeclareAsync(broker, quorum, deliveryLimit, stoppingToken, clusterNodes);
                logger.LogInformation("Message topology declared: {Routes} receiver queues{Quorum}", MessageTopology.Routes().Count,
                    quorum ? " (quorum)" : "");
                _ready.TrySetResult();
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Declaring the message topology failed (attempt {Attempt}): {Error}; retrying in {Backoff}",
                    attempt, ex.GetType().Name, backoff);
                await Task.Delay(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }
}

/// <summary>
/// A service's endpoint for a message is named from the message, not the consumer class
/// ("advocacy-victim-referred-to-advocacy-v1"), so a publisher can declare it from [ReceivedBy].
/// </summary>
public sealed class MasipEndpointNameFormatter : KebabCaseEndpointNameFormatter
{
    private readonly string _service;

    public MasipEndpointNameFormatter(string service) : base(service, includeNamespace: false) => _service = service;

    public override string Consumer<T>() =>
        MessageOf(typeof(T)) is { } message ? MessageTopology.QueueFor(_service, message) : base.Consumer<T>();

    private static Type? MessageOf(Type? consumer)
    {
        for (var type = consumer; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(InboxConsumer<>))
                return type.GetGenericArguments()[0];
        return null;
    }
}
