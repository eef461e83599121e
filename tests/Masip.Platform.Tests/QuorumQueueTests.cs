using System.Text;
using Masip.Advocacy;
using Masip.Contracts.Advocacy;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Messaging;
using Masip.Testing;
using RabbitMQ.Client;
using Xunit;

namespace Masip.Platform.Tests;

/// <summary>
/// Quorum queues (Masip:Messaging:QuorumQueues, on in the Kubernetes prod overlay): a message handed
/// back to its queue more often than the delivery limit (a consumer that crashes on it every time)
/// goes to the queue's dead-letter queue rather than being dropped; a service declares its endpoints
/// with the same arguments as the topology, so both sides agree.
/// </summary>
public sealed class QuorumQueueTests(TestBed bed) : IClassFixture<TestBed>
{
    private const int DeliveryLimit = 2;
    private static readonly string Queue = MessageTopology.QueueFor("advocacy", typeof(VictimReferredToAdvocacyV1));

    [Fact]
    public async Task A_message_returned_more_often_than_the_delivery_limit_lands_in_the_dead_letter_queue()
    {
        await MessageTopology.DeclareAsync(bed.Broker, quorum: true, DeliveryLimit, CancellationToken.None);
        var factory = new ConnectionFactory { Uri = bed.Broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var body = Encoding.UTF8.GetBytes("""{"synthetic":"poison"}""");
        var messageId = Guid.NewGuid().ToString();
        await channel.BasicPublishAsync(MessageTopology.ExchangeFor(typeof(VictimReferredToAdvocacyV1)), "", mandatory: true,
            new BasicProperties { MessageId = messageId, Persistent = true }, body);

        // A consumer that takes the message and hands it back, as one that crashes on it would.
        var deliveries = 0;
        await Eventually.TrueAsync(async () =>
        {
            if (await channel.BasicGetAsync(Queue, autoAck: false) is not { } got)
                return (await channel.QueueDeclarePassiveAsync(MessageTopology.DeadLetterFor(Queue))).MessageCount == 1;
            Assert.Equal(messageId, got.BasicProperties.MessageId);
            deliveries++;
            await channel.BasicNackAsync(got.DeliveryTag, multiple: false, requeue: true);
            return false;
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50));

        var deadLettered = await channel.BasicGetAsync(MessageTopology.DeadLetterFor(Queue), autoAck: true);
        Assert.NotNull(deadLettered);
        Assert.Equal(messageId, deadLettered.BasicProperties.MessageId);
        Assert.Equal(body, deadLettered.Body.ToArray());
        Assert.Equal(DeliveryLimit + 1, deliveries);
        Assert.Equal(0u, (await channel.QueueDeclarePassiveAsync(Queue)).MessageCount);
    }
}

/// <summary>The services on quorum queues: each declares its endpoints as the topology does (or RabbitMQ would refuse it), and messages flow.</summary>
public sealed class QuorumQueueServiceTests(TestBed bed) : IClassFixture<TestBed>
{
    private const int DeliveryLimit = 2;

    [Fact]
    public async Task A_service_on_quorum_queues_declares_its_endpoints_as_the_topology_does_and_receives()
    {
        var settings = new Dictionary<string, string?>
        {
            [MessageTopology.QuorumKey] = "true",
            [MessageTopology.DeliveryLimitKey] = DeliveryLimit.ToString(),
        };
        await MessageTopology.DeclareAsync(bed.Broker, quorum: true, DeliveryLimit, CancellationToken.None);
        var police = await bed.StartAsync<Masip.Police.PoliceHost>(Masip.Police.PoliceHost.Name, settings);
        var advocacy = await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name, settings);

        var request = await Referrals.NewRequestAsync(police);
        await new Masip.Contracts.Police.PoliceReferrals.PoliceReferralsClient(police.Channel).ReferVictimToAdvocacyAsync(request);

        await Referrals.ArrivesAtAdvocacy(new AdvocacyReferrals.AdvocacyReferralsClient(advocacy.Channel), request.ReferralId);
    }
}
