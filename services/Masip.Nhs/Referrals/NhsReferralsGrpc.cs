using Grpc.Core;
using Marten;
using Masip.Contracts.Nhs;
using Masip.Nhs.Referrals.DecidingReferrals;
using Masip.Nhs.Referrals.RecordingReferrals;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Referrals;

public sealed class NhsReferralsGrpc(RecordReferralHandler record, DecideReferralHandler decide, IQuerySession query)
    : NhsReferrals.NhsReferralsBase
{
    public override async Task<NhsReferralReply> RecordReferral(RecordReferralRequest request, ServerCallContext context) =>
        ToReply(await record.Handle(RecordReferralDecision.Validate(request), context.CancellationToken));

    public override async Task<NhsReferralReply> GetReferral(GetNhsReferralRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.ReferralId, "referral_id");
        var referral = await query.LoadAsync<Referral>(id, context.CancellationToken)
            ?? throw new RecordNotFoundException("referral_id", $"no referral {id}");
        return ToReply(referral);
    }

    public override async Task<WaitingListReply> ListWaitingList(ListWaitingListRequest request, ServerCallContext context)
    {
        if (request.Limit is < 0 or > 500)
            throw new InvalidFieldException("limit", "must be between 1 and 500 (0: 100)");
        var waiting = await query.Query<Referral>()
            .Where(r => r.Status == ReferralStatus.Waiting)
            .OrderByDescending(r => r.RiskRank).ThenBy(r => r.ReceivedAt)
            .Take(request.Limit == 0 ? 100 : request.Limit)
            .ToListAsync(context.CancellationToken);
        var reply = new WaitingListReply();
        reply.Referrals.AddRange(waiting.Select(ToReply));
        return reply;
    }

    public override async Task<NhsReferralReply> AcceptReferral(AcceptReferralRequest request, ServerCallContext context)
    {
        var command = new AcceptReferral(Require.Id(request.ReferralId, "referral_id"), Require.Text(request.Clinician, "clinician", 100));
        return ToReply(await decide.Handle(command, context.CancellationToken));
    }

    public override async Task<NhsReferralReply> DeclineReferral(DeclineReferralRequest request, ServerCallContext context)
    {
        var command = new DeclineReferral(Require.Id(request.ReferralId, "referral_id"),
            Require.Text(request.Reason, "reason"), Require.Text(request.Clinician, "clinician", 100));
        return ToReply(await decide.Handle(command, context.CancellationToken));
    }

    internal static NhsReferralReply ToReply(Referral referral) => new()
    {
        ReferralId = referral.Id.ToString(),
        PerpetratorId = referral.PerpetratorId.ToString(),
        CaseId = referral.CaseId?.ToString() ?? "",
        Route = referral.Route,
        Status = referral.Status.ToString().ToLowerInvariant(),
        Service = referral.Service,
        RiskLevel = referral.RiskLevel,
        PerpetratorName = referral.PerpetratorName,
        DateOfBirth = referral.DateOfBirth is { } dob ? Formats.Date(dob) : "",
        PncId = referral.PncId ?? "",
        Reason = referral.Reason,
        ReferredBy = referral.ReferredBy,
        ReceivedAt = Formats.Instant(referral.ReceivedAt),
        DecidedBy = referral.DecidedBy ?? "",
        DecidedAt = referral.DecidedAt is { } at ? Formats.Instant(at) : "",
        DeclineReason = referral.DeclineReason ?? "",
    };
}
