using Grpc.Core;
using Masip.Advocacy.Referrals.Deciding;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals;

public sealed partial class AdvocacyReferralsGrpc
{
    public override Task<ReferralReply> DeclineReferral(DeclineReferralRequest request, ServerCallContext context)
    {
        var referralId = Require.Id(request.ReferralId, "referral_id");
        var reason = Require.Text(request.Reason, "reason");
        return pipeline.OnStream<Referral, ReferralReply>(context, referralId, "referral_id",
            (current, scope) => DecideReferralDecision.Decline(current, reason, scope.Actor, scope.Now), ToReply);
    }
}
