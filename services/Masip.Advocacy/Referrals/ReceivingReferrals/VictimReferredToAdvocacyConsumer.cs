using MassTransit;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Advocacy.Referrals.ReceivingReferrals;

/// <summary>
/// A police referral becomes a pending advocacy referral, or is linked to the open referral of
/// the same victim in the same case, through the same decision as a referral recorded by gRPC.
/// Once, however often it is delivered: the inbox. The decision alone is not enough: a referral
/// linked to an original that was declined since would, delivered again, start afresh (a
/// declined referral no longer holds the victim's place), so only the record of having consumed
/// the message keeps it from being received twice.
/// Each message is one new referral keyed by its referral id, never news about an existing one,
/// so there is no order between messages to keep (no sequence guard).
/// </summary>
public sealed class VictimReferredToAdvocacyConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<VictimReferredToAdvocacyConsumer> logger)
    : InboxConsumer<VictimReferredToAdvocacyV1>(pipeline, service, logger)
{
    protected override async Task Handle(VictimReferredToAdvocacyV1 message, CommandScope scope, ConsumeContext<VictimReferredToAdvocacyV1> context)
    {
        var command = new RecordReferral(message.ReferralId, RecordReferralDecision.Police, message.CrimeReference, message.VictimName,
            message.VictimPhone, message.VictimEmail, message.Reason,
            message.HasContactPreferences
                ? new VictimContactPreferences(message.SafeNumbers ?? [], message.SafeTimes, message.NoWithheldNumbers, message.InterpreterNeeded,
                    message.Language, message.PreferredName)
                : null);
        var holder = await RecordReferralDecision.Record(scope, command, message.ReferredAt);
        if (holder == message.ReferralId)
            logger.LogInformation("Referral {ReferralId} received from police", message.ReferralId);
        else
            logger.LogInformation("Referral {ReferralId} from police linked to {OriginalId}", message.ReferralId, holder);
    }
}
