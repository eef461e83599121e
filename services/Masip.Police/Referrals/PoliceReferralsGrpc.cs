using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Referrals.ReferringVictimToAdvocacy;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Referrals;

public sealed class PoliceReferralsGrpc(ReferVictimToAdvocacyHandler refer, IQuerySession query) : PoliceReferrals.PoliceReferralsBase
{
    public override async Task<VictimReferralReply> ReferVictimToAdvocacy(ReferVictimToAdvocacyRequest request, ServerCallContext context)
    {
        var command = ReferVictimToAdvocacyHandler.Validate(request);
        return ToReply(await refer.Handle(command, context.CancellationToken));
    }

    public override async Task<VictimReferralReply> GetVictimReferral(GetVictimReferralRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.ReferralId, "referral_id");
        var referral = await query.LoadAsync<VictimReferral>(id, context.CancellationToken)
            ?? throw new RecordNotFoundException("referral_id", $"no victim referral {id}");
        return ToReply(referral);
    }

    private static VictimReferralReply ToReply(VictimReferral referral) => new()
    {
        ReferralId = referral.Id.ToString(),
        CrimeReference = referral.CrimeReference,
        VictimName = referral.VictimName,
        VictimPhone = referral.VictimPhone ?? "",
        VictimEmail = referral.VictimEmail ?? "",
        Reason = referral.Reason,
        ReferredBy = referral.ReferredBy,
        ReferredAt = Formats.Instant(referral.ReferredAt),
    };
}
