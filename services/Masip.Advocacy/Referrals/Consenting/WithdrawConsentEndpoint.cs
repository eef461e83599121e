using Grpc.Core;
using Masip.Advocacy.Referrals.Consenting;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals;

public sealed partial class AdvocacyReferralsGrpc
{
    /// <summary>Withdrawing consent to share with the DMM publishes a withdrawal of the victim's voice (ReferralsModule).</summary>
    public override Task<ReferralReply> WithdrawConsent(ConsentRequest request, ServerCallContext context)
    {
        var referralId = Require.Id(request.ReferralId, "referral_id");
        var shareWith = Require.OneOf(request.ShareWith, "share_with", ConsentDecision.Parties);
        return pipeline.OnStream<Referral, ReferralReply>(context, referralId, "referral_id",
            (current, scope) => ConsentDecision.Withdraw(current, shareWith, scope.Actor, scope.Now), ToReply);
    }
}
