using MassTransit;
using Masip.Contracts.Messages;
using Masip.Nhs.Referrals.RecordingReferrals;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Nhs.Referrals.ReceivingReferrals;

/// <summary>
/// A police referral joins the waiting list, once, however often and in whatever order it is
/// delivered. It needs no ordering guard (issue 13.3): it only starts the referral's stream and
/// never updates one. The police publish one PerpetratorReferredToNhsV1 per referral and no later
/// version of it, so there is no older news to ignore: a copy that arrives again (even after the
/// clinician decided) decides nothing, and a different referral under a used id is refused by the
/// decider and logged: the first one recorded stands, whichever came first.
/// </summary>
public sealed class PerpetratorReferredToNhsConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<PerpetratorReferredToNhsConsumer> logger)
    : InboxConsumer<PerpetratorReferredToNhsV1>(pipeline, service, logger)
{
    protected override async Task Handle(PerpetratorReferredToNhsV1 message, CommandScope scope, ConsumeContext<PerpetratorReferredToNhsV1> context)
    {
        var stream = await scope.Stream<Referral>(message.ReferralId);
        var command = new RecordReferral(message.ReferralId, Referral.Police, message.PerpetratorId, message.CaseId,
            message.PerpetratorName, message.DateOfBirth, message.PncId, message.Service, message.RiskLevel.ToLowerInvariant(),
            message.Reason, message.ReferredBy);
        try
        {
            var events = RecordReferralDecision.Decide(stream.Aggregate, command, scope.Actor, message.ReferredAt);
            stream.AppendMany(events);
            logger.LogInformation("Referral {ReferralId} from police: {Count} event(s)", message.ReferralId, events.Count);
        }
        catch (DuplicateRecordException)
        {
            // A different referral under a used id: not retryable; keep the first, say so (ids only).
            logger.LogWarning("Referral {ReferralId} from police conflicts with the recorded one; ignored", message.ReferralId);
        }
    }
}
