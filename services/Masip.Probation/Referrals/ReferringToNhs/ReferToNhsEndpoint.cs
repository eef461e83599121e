using Grpc.Core;
using Marten;
using Masip.Contracts.Probation;
using Masip.Probation.People;
using Masip.Probation.Referrals.ReferringToNhs;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;

namespace Masip.Probation.Referrals;

public sealed partial class ProbationReferralsGrpc
{
    public override Task<ProbationNhsReferralReply> ReferToNhs(ReferToNhsRequest request, ServerCallContext context)
    {
        var command = new ReferToNhs(
            Require.Id(request.ReferralId, "referral_id"),
            Require.Id(request.PersonId, "person_id"),
            Require.OneOf(request.NhsService, "nhs_service", ReferToNhsDecision.Services),
            Require.OneOf(request.RiskLevel, "risk_level", ReferToNhsDecision.RiskLevels),
            Require.Text(request.Reason, "reason"));
        return pipeline.Run(context,
            async scope =>
            {
                var person = await scope.Require<Person>(command.PersonId, "person_id");
                var stream = await scope.Stream<ProbationNhsReferral>(command.ReferralId);
                stream.AppendMany(ReferToNhsDecision.Decide(stream.Aggregate, person, command, scope.Actor, scope.Now));
            },
            async scope => ToReply(await scope.Require<ProbationNhsReferral>(command.ReferralId, "referral_id")));
    }

    /// <summary>Newest referral first, then by id, an offset page at a time.</summary>
    public override async Task<ProbationNhsReferralsReply> ListNhsReferrals(ListNhsReferralsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var person = string.IsNullOrEmpty(request.PersonId) ? (Guid?)null : Require.Id(request.PersonId, "person_id");
        var size = Paging.Size(request.Page);
        var offset = Paging.Offset(request.Page);
        var referrals = query.Query<ProbationNhsReferral>().Where(r => person == null || r.PersonId == person);
        var total = await referrals.CountAsync(ct);
        var page = await referrals.OrderByDescending(r => r.ReferredAt).ThenBy(r => r.Id).Skip(offset).Take(size).ToListAsync(ct);
        var reply = new ProbationNhsReferralsReply { Page = Paging.OffsetInfo(offset, page.Count, total) };
        reply.Referrals.AddRange(page.Select(ToReply));
        return reply;
    }

    private static ProbationNhsReferralReply ToReply(ProbationNhsReferral r) => new()
    {
        ReferralId = r.Id.ToString(),
        PersonId = r.PersonId.ToString(),
        PerpetratorId = r.PerpetratorId.ToString(),
        NhsService = r.Service,
        RiskLevel = r.RiskLevel,
        Reason = r.Reason,
        ReferredBy = r.ReferredBy,
        ReferredAt = Formats.Instant(r.ReferredAt),
        Outcome = r.Outcome,
        OutcomeReason = r.OutcomeReason ?? "",
        DecidedAt = r.DecidedAt is { } at ? Formats.Instant(at) : "",
    };
}
