using Grpc.Core;
using Masip.Contracts.Nhs;
using Masip.Nhs.Referrals.RecordingReferrals;

namespace Masip.Nhs.Referrals;

public sealed partial class NhsReferralsGrpc
{
    public override Task<NhsReferralReply> RecordReferral(RecordReferralRequest request, ServerCallContext context)
    {
        var command = RecordReferralDecision.Validate(request);
        return pipeline.OnNewOrExisting<Referral, NhsReferralReply>(context, command.ReferralId, "referral_id",
            (current, scope) => RecordReferralDecision.Decide(current, command, scope.Actor, scope.Now), ToReply);
    }
}
