using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Referrals.ReferringPerpetrators;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Referrals;

/// <summary>Referrals out; each command's endpoint lives beside its use case (ReferringVictimToAdvocacy/...).</summary>
public sealed partial class PoliceReferralsGrpc(CommandPipeline pipeline, ReferPerpetratorHandler referPerpetrator, IQuerySession query)
    : PoliceReferrals.PoliceReferralsBase
{
    public override async Task<VictimReferralReply> GetVictimReferral(GetVictimReferralRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.ReferralId, "referral_id");
        var referral = await query.LoadAsync<VictimReferral>(id, context.CancellationToken)
            ?? throw new RecordNotFoundException("referral_id", $"no victim referral {id}");
        return ToReply(referral);
    }

    public override async Task<PerpetratorReferralReply> ReferPerpetratorToNhs(ReferPerpetratorToNhsRequest request, ServerCallContext context)
    {
        var command = new ReferPerpetrator(
            Require.Id(request.ReferralId, "referral_id"),
            Require.Id(request.CaseId, "case_id"),
            "nhs",
            Require.OneOf(request.NhsService, "nhs_service", ReferPerpetratorDecision.NhsServices),
            Require.Text(request.Reason, "reason"),
            Require.Text(request.ReferredBy, "referred_by", 100));
        return ToReply(await referPerpetrator.Handle(command, context.CancellationToken));
    }

    public override async Task<PerpetratorReferralReply> ReferPerpetratorToProbation(ReferPerpetratorToProbationRequest request, ServerCallContext context)
    {
        var command = new ReferPerpetrator(
            Require.Id(request.ReferralId, "referral_id"),
            Require.Id(request.CaseId, "case_id"),
            "probation",
            Require.OneOf(request.Question, "question", ReferPerpetratorDecision.ProbationQuestions),
            Require.Text(request.Reason, "reason"),
            Require.Text(request.ReferredBy, "referred_by", 100));
        return ToReply(await referPerpetrator.Handle(command, context.CancellationToken));
    }

    private static PerpetratorReferralReply ToReply(PerpetratorReferral referral) => new()
    {
        ReferralId = referral.Id.ToString(),
        CaseId = referral.CaseId.ToString(),
        PerpetratorId = referral.PerpetratorId.ToString(),
        Receiver = referral.Receiver,
        Request = referral.Request,
        Reason = referral.Reason,
        ReferredBy = referral.ReferredBy,
        ReferredAt = Formats.Instant(referral.ReferredAt),
    };

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
