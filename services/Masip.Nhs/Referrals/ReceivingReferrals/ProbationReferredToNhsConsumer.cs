using MassTransit;
using Masip.Contracts.Messages;
using Masip.Nhs.Referrals.RecordingReferrals;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Nhs.Referrals.ReceivingReferrals;

/// <summary>
/// A probation referral joins the waiting list (route "probation"), once, however often and in
/// whatever order it is delivered: like a police referral, it only starts the referral's stream,
/// and probation publishes no later version of it (issue 18.5). The decision goes back to
/// probation as NhsReferralDecidedV1.
/// </summary>
public sealed class ProbationReferredToNhsConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<ProbationReferredToNhsConsumer> logger)
    : InboxConsumer<ProbationReferredToNhsV1>(pipeline, service, logger)
{
    protected override async Task Handle(ProbationReferredToNhsV1 m, CommandScope scope, ConsumeContext<ProbationReferredToNhsV1> context)
    {
        var stream = await scope.Stream<Referral>(m.ReferralId);
        var command = new RecordReferral(m.ReferralId, Referral.Probation, m.PerpetratorId, null, m.PerpetratorName, m.DateOfBirth, m.PncId,
            m.Service, m.RiskLevel.ToLowerInvariant(), m.Reason, m.ReferredBy);
        try
        {
            stream.AppendMany(RecordReferralDecision.Decide(stream.Aggregate, command, scope.Actor, m.ReferredAt));
            Logger.LogInformation("Referral {ReferralId} from probation recorded", m.ReferralId);
        }
        catch (DuplicateRecordException)
        {
            Logger.LogWarning("Referral {ReferralId} from probation conflicts with the recorded one; ignored", m.ReferralId);
        }
    }
}
