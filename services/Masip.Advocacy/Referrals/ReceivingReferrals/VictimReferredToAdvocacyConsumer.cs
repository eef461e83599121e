using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Advocacy.Referrals.ReceivingReferrals;

/// <summary>A police referral becomes a pending advocacy referral, once, however often it is delivered.</summary>
public sealed class VictimReferredToAdvocacyConsumer(IDocumentStore store, ILogger<VictimReferredToAdvocacyConsumer> logger)
    : InboxConsumer<VictimReferredToAdvocacyV1>(store, logger)
{
    protected override async Task Handle(VictimReferredToAdvocacyV1 message, IDocumentSession session, ConsumeContext<VictimReferredToAdvocacyV1> context)
    {
        var state = await session.Events.FetchStreamStateAsync(message.ReferralId, context.CancellationToken);
        if (state is not null)
        {
            logger.LogInformation("Referral {ReferralId} already recorded", message.ReferralId);
            return;
        }
        session.Events.StartStream<Referral>(message.ReferralId, new ReferralReceived(
            message.ReferralId, "police", message.CrimeReference, message.VictimName, message.VictimPhone,
            message.VictimEmail, message.Reason, message.ReferredAt));
        logger.LogInformation("Referral {ReferralId} received from police", message.ReferralId);
    }
}
