using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Referrals.ReferringPerpetrators;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Referrals;

public sealed partial class PoliceReferralsGrpc
{
    public override Task<PerpetratorReferralReply> ReferPerpetratorToNhs(ReferPerpetratorToNhsRequest request, ServerCallContext context) =>
        Refer(context, new ReferPerpetrator(
            Require.Id(request.ReferralId, "referral_id"),
            Require.Id(request.CaseId, "case_id"),
            "nhs",
            Require.OneOf(request.NhsService, "nhs_service", ReferPerpetratorDecision.NhsServices),
            Require.Text(request.Reason, "reason")));
}
