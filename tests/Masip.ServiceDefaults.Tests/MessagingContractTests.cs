using JasperFx.Events;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;
using Xunit;

namespace Masip.ServiceDefaults.Tests;

/// <summary>Message ids and queue names come from the contracts and the event alone: never from registration order.</summary>
public sealed class MessagingContractTests
{
    private static readonly Guid EventId = Guid.Parse("6d1f0f3e-2b64-4c1e-9a51-0f3c4c7e9d11");

    private static VictimReferredToAdvocacyV1 Referral() =>
        new(Guid.Parse("0a4a8e0e-5d52-4b36-9d4e-4b0e5a9c1f10"), "CRIS-1", "Synthetic Victim", null, null, "support", "officer-1", DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_message_id_is_a_name_based_uuid_of_the_event_id_and_the_message_type()
    {
        var @event = new JasperFx.Events.Event<string>("x") { Id = EventId };
        var other = new JasperFx.Events.Event<string>("x") { Id = Guid.Parse("6d1f0f3e-2b64-4c1e-9a51-0f3c4c7e9d12") };
        var referral = Referral();
        var tiered = new CaseTieredV1(Guid.NewGuid(), "CRIS-1", null, "s4A", 2, "medium", "r", DateTimeOffset.UnixEpoch);

        var id = OutboxPublisher.MessageIdFor(@event, referral);

        Assert.Equal(id, OutboxPublisher.MessageIdFor(@event, referral with { Reason = "another" }));
        Assert.NotEqual(id, OutboxPublisher.MessageIdFor(@event, tiered));
        Assert.NotEqual(id, OutboxPublisher.MessageIdFor(other, referral));
        Assert.Equal(5, id.Version);
        // Pinned: a change of the formula would make receivers' inboxes miss copies published before it.
        Assert.Equal(Persistence.DeterministicId.For("integration-message", EventId, nameof(VictimReferredToAdvocacyV1)), id);
    }

    [Fact]
    public void Every_receiver_of_every_message_has_a_queue_named_for_it_and_its_endpoint_has_the_same_name()
    {
        var routes = MessageTopology.Routes();

        Assert.Contains(routes, r => r.Queue == "advocacy-victim-referred-to-advocacy-v1"
            && r.Exchange == "Masip.Contracts.Messages:VictimReferredToAdvocacyV1" && r.Receiver == "advocacy");
        Assert.Equal(routes.Count, routes.Select(r => r.Queue).Distinct().Count());
        Assert.Equal("advocacy-victim-referred-to-advocacy-v1", new MasipEndpointNameFormatter("advocacy").Consumer<ReferralConsumer>());
        Assert.Equal("nhs-perpetrator-referred-to-nhs-v1", MessageTopology.QueueFor("nhs", typeof(PerpetratorReferredToNhsV1)));
    }

    private sealed class ReferralConsumer() : InboxConsumer<VictimReferredToAdvocacyV1>(null!, null!, null!)
    {
        protected override Task Handle(VictimReferredToAdvocacyV1 message, CommandScope scope, ConsumeContext<VictimReferredToAdvocacyV1> context) =>
            Task.CompletedTask;
    }
}
