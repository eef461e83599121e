using Grpc.Core;
using Masip.Contracts.Nhs;
using Masip.Nhs.Referrals.DecidingReferrals;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Referrals;

public sealed partial class NhsReferralsGrpc
{
    public override Task<NhsReferralReply> DeclineReferral(DeclineReferralRequest request, ServerCallContext context)
    {
        var command = new DeclineReferral(Require.Id(request.ReferralId, "referral_id"), Require.Text(request.Reason, "reason"));
        return pipeline.OnStream<Referral, NhsReferralReply>(context, command.ReferralId, "referral_id",
            (referral, scope) => DecideReferralDecision.Decide(referral, command, scope.Actor, scope.Now), ToReply);
    }
}
