using Grpc.Core;
using Masip.Advocacy.Referrals.ReceivingReferrals;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals;

public sealed partial class AdvocacyReferralsGrpc
{
    /// <summary>The reply is the referral that holds the victim: this one, or the original it was linked to.</summary>
    public override Task<ReferralReply> RecordReferral(RecordReferralRequest request, ServerCallContext context)
    {
        var command = new RecordReferral(
            Require.Id(request.ReferralId, "referral_id"),
            Require.OneOf(request.Source, "source", RecordReferralDecision.Sources),
            Require.OptionalText(request.CrimeReference, "crime_reference"),
            Require.Text(request.VictimName, "victim_name"),
            Require.OptionalText(request.VictimPhone, "victim_phone"),
            Require.OptionalText(request.VictimEmail, "victim_email"),
            Require.Text(request.Reason, "reason"));
        var holder = Guid.Empty;
        return pipeline.Run(context,
            async scope => holder = await RecordReferralDecision.Record(scope, command, scope.Now),
            async scope => ToReply(await scope.Require<Referral>(holder, "referral_id")));
    }
}
