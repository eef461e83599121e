using Grpc.Core;
using Masip.Advocacy.Referrals.Consenting;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals;

public sealed partial class AdvocacyReferralsGrpc
{
    public override Task<ReferralReply> RecordVictimVoice(RecordVictimVoiceRequest request, ServerCallContext context)
    {
        var command = new RecordVictimVoice(Require.Id(request.ReferralId, "referral_id"), Require.Text(request.Concerns, "concerns"),
            Require.Text(request.Wishes, "wishes"), request.ShareWithDmm);
        return pipeline.OnStream<Referral, ReferralReply>(context, command.ReferralId, "referral_id",
            (current, scope) => ConsentDecision.RecordVoice(current, command, scope.Actor, scope.Now), ToReply);
    }
}
