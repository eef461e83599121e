using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Advocacy.Referrals.ReceivingReferrals;

/// <summary>
/// A police referral becomes a pending advocacy referral, once, however often it is delivered.
/// A second referral of the same victim in the same case is linked to the first, not doubled.
/// </summary>
public sealed class VictimReferredToAdvocacyConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<VictimReferredToAdvocacyConsumer> logger)
    : InboxConsumer<VictimReferredToAdvocacyV1>(pipeline, service, logger)
{
    protected override async Task Handle(VictimReferredToAdvocacyV1 message, CommandScope scope, ConsumeContext<VictimReferredToAdvocacyV1> context)
    {
        var session = scope.Session;
        var state = await session.Events.FetchStreamStateAsync(message.ReferralId, context.CancellationToken);
        if (state is not null)
        {
            logger.LogInformation("Referral {ReferralId} already recorded", message.ReferralId);
            return;
        }
        var original = await ReferralDuplicates.FindOriginal(
            session, ReferralDuplicates.KeyOf(message.CrimeReference, message.VictimName), message.ReferralId, context.CancellationToken);
        if (original is not null)
        {
            if (original.LinkedReferralIds.Contains(message.ReferralId))
                return;
            session.Events.Append(original.Id, new DuplicateReferralLinked(original.Id, message.ReferralId, "police", message.ReferredAt));
            logger.LogInformation("Referral {ReferralId} from police linked to {OriginalId}", message.ReferralId, original.Id);
            return;
        }
        session.Events.StartStream<Referral>(message.ReferralId, new ReferralReceived(
            message.ReferralId, "police", message.CrimeReference, message.VictimName, message.VictimPhone,
            message.VictimEmail, message.Reason, message.ReferredAt));
        logger.LogInformation("Referral {ReferralId} received from police", message.ReferralId);
    }
}
