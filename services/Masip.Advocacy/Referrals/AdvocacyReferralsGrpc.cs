using Grpc.Core;
using Marten;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals;

public sealed class AdvocacyReferralsGrpc(IQuerySession query) : AdvocacyReferrals.AdvocacyReferralsBase
{
    private static readonly Dictionary<string, ReferralStatus> Statuses = new()
    {
        ["pending"] = ReferralStatus.Pending,
        ["accepted"] = ReferralStatus.Accepted,
        ["declined"] = ReferralStatus.Declined,
    };

    public override async Task<ListReferralsReply> ListReferrals(ListReferralsRequest request, ServerCallContext context)
    {
        IQueryable<Referral> referrals = query.Query<Referral>();
        if (!string.IsNullOrWhiteSpace(request.Status))
        {
            var status = Require.OneOf(request.Status, "status", Statuses);
            referrals = referrals.Where(r => r.Status == status);
        }
        var list = await referrals.OrderBy(r => r.ReceivedAt).Take(500).ToListAsync(context.CancellationToken);
        var reply = new ListReferralsReply();
        reply.Referrals.AddRange(list.Select(ToReply));
        return reply;
    }

    public override async Task<ReferralReply> GetReferral(GetReferralRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.ReferralId, "referral_id");
        var referral = await query.LoadAsync<Referral>(id, context.CancellationToken)
            ?? throw new RecordNotFoundException("referral_id", $"no referral {id}");
        return ToReply(referral);
    }

    private static ReferralReply ToReply(Referral referral) => new()
    {
        ReferralId = referral.Id.ToString(),
        Status = referral.Status.ToString().ToLowerInvariant(),
        Source = referral.Source,
        CrimeReference = referral.CrimeReference ?? "",
        VictimName = referral.VictimName,
        VictimPhone = referral.VictimPhone ?? "",
        VictimEmail = referral.VictimEmail ?? "",
        Reason = referral.Reason,
        ReceivedAt = Formats.Instant(referral.ReceivedAt),
    };
}
