using Grpc.Core;
using Masip.Contracts.Nhs;
using Masip.Nhs.Lists;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Referrals;

public sealed partial class NhsReferralsGrpc
{
    public override async Task<NhsReferralReply> GetReferral(GetNhsReferralRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.ReferralId, "referral_id");
        return ToReply(await query.LoadAsync<Referral>(id, context.CancellationToken) ?? throw NotFound.For<Referral>("referral_id", id));
    }

    /// <summary>Referrals waiting for a decision: highest risk first, then the longest waiting, a page at a time.</summary>
    public override async Task<WaitingListReply> ListWaitingList(ListWaitingListRequest request, ServerCallContext context)
    {
        var (waiting, page) = await KeysetPage.ReadAsync(
            query.Query<Referral>().Where(r => r.Status == ReferralStatus.Waiting), r => r.QueueKey, descending: false,
            request.Page, context.CancellationToken);
        var reply = new WaitingListReply { Page = page };
        reply.Referrals.AddRange(waiting.Select(ToReply));
        return reply;
    }
}
