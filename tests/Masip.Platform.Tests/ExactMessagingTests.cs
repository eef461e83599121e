using System.Text.Json;
using Grpc.Core;
using MassTransit;
using Masip.Advocacy;
using Masip.Contracts.Advocacy;
using Masip.Contracts.Outbox;
using Masip.Contracts.Police;
using Masip.Platform.Probe;
using Masip.Police;
using Masip.Police.Referrals;
using Masip.ServiceDefaults.Messaging;
using Masip.Testing;
using Npgsql;
using Xunit;

namespace Masip.Platform.Tests;

/// <summary>
/// Exact messaging across agencies (issue 13): nothing lost before a receiver exists, a relay that
/// parks what it cannot send and goes on, a replayed page that records nothing twice, and an inbox
/// that is what stops a redelivery from counting twice.
/// </summary>
/// <summary>What the messaging tests share: each test class has its own bed (databases and vhost).</summary>
public abstract class MessagingBed(TestBed bed)
{
    protected TestBed Bed => bed;

    protected async Task<int> Count(Guid counter) =>
        (int)await Scalar(ProbeHost.Name, "select coalesce((select (data ->> 'Count')::int from masip.mt_doc_counter where id = @id), 0)", counter);

    protected async Task<int> MessageDisclosures(string referralId) => (int)await Scalar(PoliceHost.Name, """
        select count(*) from masip.mt_events
         where type = 'disclosure_recorded' and data ->> 'Channel' = 'message'
           and data -> 'Subjects' @> jsonb_build_array(jsonb_build_object('Kind', 'referral', 'Id', @id::text))
        """, Guid.Parse(referralId));

    protected async Task<bool> RelayedPast(string service, Guid streamId) =>
        await Scalar(service, $"""
            select count(*) from masip.mt_events e
             where e.stream_id = @id and e.seq_id <= (select coalesce(max(last_seq_id), 0) from masip.mt_event_progression where name like '{OutboxRelay.RelayName}%')
            """, streamId) > 0;

    protected async Task<long> Scalar(string service, string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(bed.ConnectionStringFor(service));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    protected async Task Execute(string service, string sql)
    {
        await using var connection = new NpgsqlConnection(bed.ConnectionStringFor(service));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A message published before its receiver ever ran waits in the queue the publisher declared for it.</summary>
public sealed class LateReceiverTests(TestBed bed) : MessagingBed(bed), IClassFixture<TestBed>
{
    [Fact]
    public async Task A_referral_published_while_advocacy_has_never_run_arrives_once_when_advocacy_first_starts()
    {
        var police = await Bed.StartAsync<PoliceHost>(PoliceHost.Name);
        var request = await Referrals.NewRequestAsync(police, "CRIS-LATE-0001");
        await new PoliceReferrals.PoliceReferralsClient(police.Channel).ReferVictimToAdvocacyAsync(request);
        // The relay has published it (its position is past the referral) before advocacy exists at all.
        await Eventually.ValueAsync(async () => await RelayedPast(PoliceHost.Name, Guid.Parse(request.ReferralId)) ? "relayed" : null,
            TimeSpan.FromSeconds(30), "the relay publishing the referral");

        var advocacyHost = await Bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name);
        var advocacy = new AdvocacyReferrals.AdvocacyReferralsClient(advocacyHost.Channel);

        var arrived = await Referrals.ArrivesAtAdvocacy(advocacy, request.ReferralId);
        Assert.Equal(request.VictimName, arrived.VictimName);
        var sentinel = await Referrals.NewRequestAsync(police, "CRIS-LATE-0002");
        await new PoliceReferrals.PoliceReferralsClient(police.Channel).ReferVictimToAdvocacyAsync(sentinel);
        await Referrals.ArrivesAtAdvocacy(advocacy, sentinel.ReferralId);
        Assert.Equal(1L, await Scalar(AdvocacyHost.Name, "select count(*) from masip.mt_events where stream_id = @id", Guid.Parse(request.ReferralId)));
    }
}

/// <summary>An event that cannot become a message is parked with its error; the relay goes on.</summary>
public sealed class ParkedEventTests(TestBed bed) : MessagingBed(bed), IClassFixture<TestBed>
{
    [Fact]
    public async Task An_event_that_cannot_be_mapped_is_parked_later_ones_still_arrive_the_service_says_Degraded_and_a_replay_delivers_it()
    {
        var fixedYet = false;
        var policeHost = await Bed.StartAsync<PoliceHost>(PoliceHost.Name, services: services =>
            // A map with a bug that only this event meets.
            services.PublishIntegrationEvent<VictimReferredToAdvocacy>(e =>
                e.Reason.Contains("POISON") && !Volatile.Read(ref fixedYet) ? throw new InvalidOperationException("probe map: this event cannot be mapped") : null));
        var advocacyHost = await Bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name);
        var police = new PoliceReferrals.PoliceReferralsClient(policeHost.Channel);
        var advocacy = new AdvocacyReferrals.AdvocacyReferralsClient(advocacyHost.Channel);
        var outbox = new Outbox.OutboxClient(policeHost.ChannelAs("police", "operator", "operations"));
        var poison = await Referrals.NewRequestAsync(policeHost, "CRIS-POISON-0001");
        poison.Reason = "POISON: the probe map throws on this one";

        await police.ReferVictimToAdvocacyAsync(poison);
        var later = await Referrals.NewRequestAsync(policeHost, "CRIS-POISON-0002");
        await police.ReferVictimToAdvocacyAsync(later);

        await Referrals.ArrivesAtAdvocacy(advocacy, later.ReferralId);
        var parked = Assert.Single((await outbox.ListParkedMessagesAsync(new ListParkedMessagesRequest())).Parked);
        Assert.Equal("victim_referred_to_advocacy", parked.EventType);
        Assert.Equal("System.InvalidOperationException", parked.ErrorType);
        Assert.Equal("parked", parked.Status);
        var degraded = await Eventually.ValueAsync(async () =>
        {
            var body = JsonDocument.Parse(await policeHost.CreateClient().GetStringAsync("/health/ready")).RootElement;
            return body.GetProperty("checks").GetProperty("outbox") is var check && check.GetProperty("status").GetString() == "Degraded"
                ? check.GetProperty("description").GetString() : null;
        }, TimeSpan.FromSeconds(30), "the outbox reporting Degraded");
        Assert.Contains("1 parked", degraded);
        Assert.Contains("lag", degraded);

        var stillBroken = await Assert.ThrowsAsync<RpcException>(() =>
            outbox.ReplayParkedMessageAsync(new ReplayParkedMessageRequest { ParkedId = parked.ParkedId }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, stillBroken.StatusCode);
        Assert.Contains("cannot be mapped", stillBroken.Status.Detail);

        Volatile.Write(ref fixedYet, true);
        var replayed = await outbox.ReplayParkedMessageAsync(new ReplayParkedMessageRequest { ParkedId = parked.ParkedId });

        Assert.Equal("replayed", replayed.Status);
        Assert.Equal(1, replayed.MessagesPublished);
        var arrived = await Referrals.ArrivesAtAdvocacy(advocacy, poison.ReferralId);
        Assert.Equal(poison.VictimName, arrived.VictimName);
        Assert.Empty((await outbox.ListParkedMessagesAsync(new ListParkedMessagesRequest())).Parked);
    }
}

/// <summary>A replayed outbox page: receivers drop the copies, and the audit records each message once.</summary>
public sealed class ReplayedPageTests(TestBed bed) : MessagingBed(bed), IClassFixture<TestBed>
{
    [Fact]
    public async Task A_replayed_outbox_page_publishes_again_but_each_receiver_applies_it_once_and_the_audit_records_it_once()
    {
        var advocacyHost = await Bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name);
        var advocacy = new AdvocacyReferrals.AdvocacyReferralsClient(advocacyHost.Channel);
        var first = await Bed.StartAsync<PoliceHost>(PoliceHost.Name);
        var referral = await Referrals.NewRequestAsync(first, "CRIS-REPLAY-0001");
        await new PoliceReferrals.PoliceReferralsClient(first.Channel).ReferVictimToAdvocacyAsync(referral);
        await Referrals.ArrivesAtAdvocacy(advocacy, referral.ReferralId);
        await Eventually.ValueAsync(async () => await MessageDisclosures(referral.ReferralId) == 1 ? "audited" : null, TimeSpan.FromSeconds(30),
            "the message's disclosure recorded");

        // The relay loses its place (as after a crash between confirm and checkpoint) and starts over.
        await Bed.StopAsync(first);
        await Execute(PoliceHost.Name, $"update masip.mt_event_progression set last_seq_id = 0 where name like '{OutboxRelay.RelayName}%'");
        var second = await Bed.StartAsync<PoliceHost>(PoliceHost.Name);
        var sentinel = await Referrals.NewRequestAsync(second, "CRIS-REPLAY-0002");
        await new PoliceReferrals.PoliceReferralsClient(second.Channel).ReferVictimToAdvocacyAsync(sentinel);
        // The relay publishes in event order: once the sentinel is through, the replayed page is too.
        await Referrals.ArrivesAtAdvocacy(advocacy, sentinel.ReferralId);
        await Eventually.ValueAsync(async () => await MessageDisclosures(sentinel.ReferralId) == 1 ? "audited" : null, TimeSpan.FromSeconds(30),
            "the sentinel's disclosure recorded");

        Assert.Equal(1, await MessageDisclosures(referral.ReferralId));
        Assert.Equal(1L, await Scalar(AdvocacyHost.Name, "select count(*) from masip.mt_events where stream_id = @id", Guid.Parse(referral.ReferralId)));
    }
}

/// <summary>The inbox, and nothing else, stops a redelivered message from being applied twice.</summary>
public sealed class InboxCountingTests(TestBed bed) : MessagingBed(bed), IClassFixture<TestBed>
{
    [Fact]
    public async Task The_inbox_is_what_makes_a_consumer_that_counts_apply_a_redelivered_message_once()
    {
        // One message at a time: a sentinel published after the copies is handled after them.
        await Bed.StartAsync<ProbeHost>(ProbeHost.Name, new Dictionary<string, string?> { ["Masip:Messaging:PrefetchCount"] = "1" });
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(Bed.Broker, h =>
        {
            var user = Uri.UnescapeDataString(Bed.Broker.UserInfo).Split(':');
            h.Username(user[0]);
            h.Password(user[1]);
        }));
        await bus.StartAsync();
        try
        {
            var (counted, raw) = (Guid.NewGuid(), Guid.NewGuid());
            var (messageId, rawMessageId) = (NewId.NextGuid(), NewId.NextGuid());
            for (var copy = 0; copy < 2; copy++)
            {
                await bus.Publish(new ProbeCountedV1(counted), c => c.MessageId = messageId);
                await bus.Publish(new ProbeRawCountedV1(raw), c => c.MessageId = rawMessageId);
            }
            var (sentinel, rawSentinel) = (Guid.NewGuid(), Guid.NewGuid());
            await bus.Publish(new ProbeCountedV1(sentinel), c => c.MessageId = NewId.NextGuid());
            await bus.Publish(new ProbeRawCountedV1(rawSentinel), c => c.MessageId = NewId.NextGuid());
            await Eventually.ValueAsync(async () => await Count(sentinel) == 1 && await Count(rawSentinel) == 1 ? "through" : null,
                TimeSpan.FromSeconds(30), "both sentinels counted");

            Assert.Equal(1, await Count(counted));
            Assert.Equal(2, await Count(raw)); // the control: the same redelivery without the inbox counts twice
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
