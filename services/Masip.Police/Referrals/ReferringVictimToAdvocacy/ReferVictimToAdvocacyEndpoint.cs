using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Referrals.ReferringVictimToAdvocacy;
using Masip.Police.Restrictions;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Referrals;

public sealed partial class PoliceReferralsGrpc
{
    public override Task<VictimReferralReply> ReferVictimToAdvocacy(ReferVictimToAdvocacyRequest request, ServerCallContext context)
    {
        var command = new ReferVictimToAdvocacy(
            Require.Id(request.ReferralId, "referral_id"),
            Require.Text(request.CrimeReference, "crime_reference"),
            Require.Text(request.VictimName, "victim_name"),
            Require.OptionalText(request.VictimPhone, "victim_phone"),
            Require.OptionalText(request.VictimEmail, "victim_email"),
            Require.Text(request.Reason, "reason"));
        return pipeline.Run(context,
            async scope =>
            {
                // A referral names a case the police hold (issue 14.3): a made-up crime reference is NotFound.
                var @case = await scope.Load<StacCase>(StacCase.IdFor(command.CrimeReference))
                    ?? throw NotFound.For<StacCase>("crime_reference", command.CrimeReference);
                await RestrictedAccess.CheckCommand(@case, context);
                var stream = await scope.Stream<VictimReferral>(command.ReferralId);
                stream.AppendMany(ReferVictimToAdvocacyDecision.Decide(stream.Aggregate, command, scope.Actor, scope.Now, @case.ContactPreferences));
            },
            async scope => ToReply(await scope.Require<VictimReferral>(command.ReferralId, "referral_id")));
    }
}
