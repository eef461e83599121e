using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Referrals.ReferringVictimToAdvocacy;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Referrals;

public sealed partial class PoliceReferralsGrpc
{
    public override Task<VictimReferralReply> ReferVictimToAdvocacy(ReferVictimToAdvocacyRequest request, ServerCallContext context)
    {
        var command = new ReferVictimToAdvocacy(
            Require.Id(request.ReferralId, "referral_id"),
            Require.Text(request.CrimeReference, "crime_reference", 64),
            Require.Text(request.VictimName, "victim_name", 200),
            Require.OptionalText(request.VictimPhone, "victim_phone", 40),
            Require.OptionalText(request.VictimEmail, "victim_email", 254),
            Require.Text(request.Reason, "reason"));
        return pipeline.OnNewOrExisting<VictimReferral, VictimReferralReply>(context, command.ReferralId, "referral_id",
            (current, scope) => ReferVictimToAdvocacyDecision.Decide(current, command, scope.Actor, scope.Now), ToReply);
    }
}
