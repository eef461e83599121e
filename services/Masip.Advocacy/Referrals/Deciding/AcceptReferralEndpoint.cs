using Grpc.Core;
using Masip.Advocacy.Referrals.Deciding;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals;

public sealed partial class AdvocacyReferralsGrpc
{
    public override Task<ReferralReply> AcceptReferral(AcceptReferralRequest request, ServerCallContext context) =>
        pipeline.OnStream<Referral, ReferralReply>(context, Require.Id(request.ReferralId, "referral_id"), "referral_id",
            (current, scope) => DecideReferralDecision.Accept(current, scope.Actor, scope.Now), ToReply);
}
