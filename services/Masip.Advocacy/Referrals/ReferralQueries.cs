using Grpc.Core;
using Marten;
using Marten.Linq.MatchesSql;
using Masip.Advocacy.Lists;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;

namespace Masip.Advocacy.Referrals;

public sealed partial class AdvocacyReferralsGrpc
{
    private static readonly Dictionary<string, ReferralStatus> Statuses = new()
    {
        ["pending"] = ReferralStatus.Pending,
        ["accepted"] = ReferralStatus.Accepted,
        ["declined"] = ReferralStatus.Declined,
    };

    /// <summary>Newest first (received, then id), keyset pages: a referral received while paging never shifts a page.</summary>
    public override async Task<ListReferralsReply> ListReferrals(ListReferralsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var size = Paging.Size(request.Page);
        var after = InstantKey.After(request.Page);
        IQueryable<Referral> referrals = query.Query<Referral>();
        if (!string.IsNullOrWhiteSpace(request.Status))
        {
            var status = Require.OneOf(request.Status, "status", Statuses);
            referrals = referrals.Where(r => r.Status == status);
        }
        var total = await referrals.CountAsync(ct);
        if (after is { } key)
            referrals = referrals.Where(r => r.MatchesSql(Referral.OlderThanKeySql, key.At, key.Id));
        var (page, next) = await InstantKey.Page(referrals.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id), size,
            r => InstantKey.Of(r.ReceivedAt, r.Id), ct);

        var reply = new ListReferralsReply { Page = Paging.Info(next, total) };
        reply.Referrals.AddRange(page.Select(ToReply));
        return reply;
    }

    /// <summary>A referral linked as a duplicate answers with the referral it was linked to.</summary>
    public override async Task<ReferralReply> GetReferral(GetReferralRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.ReferralId, "referral_id");
        var referral = await query.LoadAsync<Referral>(id, context.CancellationToken)
            ?? await query.Query<Referral>().Where(r => r.LinkedReferralIds.Contains(id)).FirstOrDefaultAsync(context.CancellationToken)
            ?? throw NotFound.For<Referral>("referral_id", id);
        return ToReply(referral);
    }
}
