using Grpc.Core;
using Masip.Advocacy.Referrals.Contacting;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals;

public sealed partial class AdvocacyReferralsGrpc
{
    public override Task<ReferralReply> AgreeUpdatePreferences(AgreeUpdatePreferencesRequest request, ServerCallContext context)
    {
        var command = new AgreeUpdatePreferences(Require.Id(request.ReferralId, "referral_id"), request.CadenceDays,
            Require.OneOf(request.Channel, "channel", VictimContactsDecision.Channels));
        return pipeline.OnStream<Referral, ReferralReply>(context, command.ReferralId, "referral_id",
            (current, scope) => VictimContactsDecision.Agree(current, command, scope.Actor, scope.Now), ToReply);
    }
}
