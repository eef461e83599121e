using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Referrals.Outcomes;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;

namespace Masip.Police.Referrals;

public sealed partial class PoliceReferralsGrpc
{
    /// <summary>
    /// The case's referrals with their outcomes, oldest first, then by id, an offset page at a
    /// time. A case has a handful of referrals: both kinds are read whole and merged, then paged.
    /// </summary>
    public override async Task<CaseReferralsReply> ListCaseReferrals(ListCaseReferralsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caseId = Require.Id(request.CaseId, "case_id");
        var size = Paging.Size(request.Page);
        var offset = Paging.Offset(request.Page);
        var @case = await query.LoadAsync<StacCase>(caseId, ct) ?? throw NotFound.For<StacCase>("case_id", caseId);
        var victims = await query.Query<VictimReferral>().Where(r => r.CrimeReference == @case.CrimeReference).ToListAsync(ct);
        var perpetrators = await query.Query<PerpetratorReferral>().Where(r => r.CaseId == caseId).ToListAsync(ct);
        var all = victims.Select(v => (v.Id, Receiver: "advocacy", Request: "victim-support", v.ReferredBy, v.ReferredAt))
            .Concat(perpetrators.Select(p => (p.Id, p.Receiver, p.Request, p.ReferredBy, p.ReferredAt)))
            .OrderBy(r => r.ReferredAt).ThenBy(r => r.Id)
            .ToList();
        var page = all.Skip(offset).Take(size).ToList();
        var outcomes = (await query.LoadManyAsync<ReferralOutcome>(ct, page.Select(r => r.Id))).ToDictionary(o => o.Id);
        var reply = new CaseReferralsReply { CaseId = caseId.ToString(), Page = Paging.OffsetInfo(offset, page.Count, all.Count) };
        reply.Referrals.AddRange(page.Select(r =>
        {
            var outcome = outcomes.GetValueOrDefault(r.Id);
            return new CaseReferralReply
            {
                ReferralId = r.Id.ToString(),
                Receiver = r.Receiver,
                Request = r.Request,
                ReferredBy = r.ReferredBy,
                ReferredAt = Formats.Instant(r.ReferredAt),
                Outcome = outcome?.Outcome ?? ReferralOutcomes.Awaiting,
                OutcomeReason = outcome?.Reason ?? "",
                DecidedAt = outcome is null ? "" : Formats.Instant(outcome.DecidedAt),
            };
        }));
        return reply;
    }
}
