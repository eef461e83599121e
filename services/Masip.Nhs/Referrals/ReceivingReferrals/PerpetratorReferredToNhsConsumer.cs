using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.Nhs.Referrals.RecordingReferrals;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Nhs.Referrals.ReceivingReferrals;

/// <summary>A police referral joins the waiting list, once, however often it is delivered.</summary>
public sealed class PerpetratorReferredToNhsConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<PerpetratorReferredToNhsConsumer> logger)
    : InboxConsumer<PerpetratorReferredToNhsV1>(pipeline, service, logger)
{
    protected override async Task Handle(PerpetratorReferredToNhsV1 message, CommandScope scope, ConsumeContext<PerpetratorReferredToNhsV1> context)
    {
        var session = scope.Session;
        var stream = await session.Events.FetchForWriting<Referral>(message.ReferralId, context.CancellationToken);
        var command = new RecordReferral(message.ReferralId, Referral.Police, message.PerpetratorId, message.CaseId,
            message.PerpetratorName, message.DateOfBirth, message.PncId, message.Service, message.RiskLevel.ToLowerInvariant(),
            message.Reason, message.ReferredBy);
        try
        {
            var events = RecordReferralDecision.Decide(stream.Aggregate, command, message.ReferredAt);
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
