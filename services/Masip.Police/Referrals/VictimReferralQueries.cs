using Grpc.Core;
using Masip.Contracts.Police;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Referrals;

public sealed partial class PoliceReferralsGrpc
{
    public override async Task<VictimReferralReply> GetVictimReferral(GetVictimReferralRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.ReferralId, "referral_id");
        return ToReply(await query.LoadAsync<VictimReferral>(id, context.CancellationToken) ?? throw NotFound.For<VictimReferral>("referral_id", id));
    }
}
