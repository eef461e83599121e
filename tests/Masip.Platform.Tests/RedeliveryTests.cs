using MassTransit;
using Masip.Advocacy;
using Masip.Contracts.Advocacy;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Messaging;
using Masip.Testing;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Xunit;

namespace Masip.Platform.Tests;

/// <summary>The inbox: the same message delivered twice changes the advocacy stream once, and does not fault.</summary>
public sealed class RedeliveryTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private static readonly string Queue = MessageTopology.QueueFor("advocacy", typeof(VictimReferredToAdvocacyV1));
    private IBusControl _bus = null!;
    private AdvocacyReferrals.AdvocacyReferralsClient _advocacy = null!;

    public async Task InitializeAsync()
    {
        // One retry, quickly: a duplicate that faulted would reach the error queue within a second.
        var host = await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name, new Dictionary<string, string?>
        {
            ["Masip:Messaging:RetryLimit"] = "1",
            ["Masip:Messaging:RetryMinMilliseconds"] = "50",
        });
        _advocacy = new AdvocacyReferrals.AdvocacyReferralsClient(host.Channel);
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(bed.Broker, h =>
        {
            var user = Uri.UnescapeDataString(bed.Broker.UserInfo).Split(':');
            h.Username(user[0]);
            h.Password(user[1]);
        }));
        await _bus.StartAsync();
    }

    public async Task DisposeAsync() => await _bus.StopAsync();

    [Fact]
    public async Task The_same_message_delivered_twice_records_one_referral()
    {
        var messageId = NewId.NextGuid();
        var message = NewMessage();

        await Publish(message, messageId);
        await Referrals.ArrivesAtAdvocacy(_advocacy, message.ReferralId.ToString());
        await Publish(message, messageId);
        var sentinel = NewMessage();
        await Publish(sentinel, NewId.NextGuid());
        await Referrals.ArrivesAtAdvocacy(_advocacy, sentinel.ReferralId.ToString());

        Assert.Equal(1, await Scalar("select count(*) from masip.mt_events where stream_id = @id", message.ReferralId));
        Assert.Equal(1, await Scalar("select count(*) from masip.mt_doc_inboxrecord where data ->> 'MessageId' = @id::text", messageId));
        Assert.Equal(0u, await MessagesIn(Queue + "_error"));
        Assert.Equal(0u, await MessagesIn(Queue));
    }

    private static VictimReferredToAdvocacyV1 NewMessage() => new(
        Guid.NewGuid(), "CRIS-REDELIVER-" + Random.Shared.Next(1000, 9999), "Test Victim " + Guid.NewGuid().ToString("N")[..6], null, null,
        "redelivery test", "officer-002", DateTimeOffset.UtcNow);

    private Task Publish(VictimReferredToAdvocacyV1 message, Guid messageId) =>
        _bus.Publish(message, context => context.MessageId = messageId);

    private async Task<long> Scalar(string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(bed.ConnectionStringFor(AdvocacyHost.Name));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<uint> MessagesIn(string queue)
    {
        var factory = new ConnectionFactory { Uri = bed.Broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return 0; // never created: nothing ever faulted
        }
    }
}
