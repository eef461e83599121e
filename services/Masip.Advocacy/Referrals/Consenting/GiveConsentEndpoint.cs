using Grpc.Core;
using Masip.Advocacy.Referrals.Consenting;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals;

public sealed partial class AdvocacyReferralsGrpc
{
    public override Task<ReferralReply> GiveConsent(ConsentRequest request, ServerCallContext context)
    {
        var referralId = Require.Id(request.ReferralId, "referral_id");
        var shareWith = Require.OneOf(request.ShareWith, "share_with", ConsentDecision.Parties);
        return pipeline.OnStream<Referral, ReferralReply>(context, referralId, "referral_id",
            (current, scope) => ConsentDecision.Give(current, shareWith, scope.Actor, scope.Now), ToReply);
    }
}
