using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;

namespace Masip.Police.Griffin;

/// <summary>`masip police griffin list`: the nominals by review date (none last), then id; reviews due in N days include the overdue.</summary>
public sealed partial class OperationGriffinGrpc
{
    public static readonly IReadOnlyDictionary<string, string> Statuses =
        new[] { "nominated", "accepted", "rejected", "removed" }.ToDictionary(v => v, v => v);

    public override async Task<NominalsReply> ListNominals(ListNominalsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var status = string.IsNullOrEmpty(request.Status) ? "accepted" : Require.OneOf(request.Status, "status", Statuses);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var nominals = query.Query<Nominal>().Where(n => n.Status == status);
        if (!string.IsNullOrEmpty(request.RiskLevel))
        {
            var risk = Require.OneOf(request.RiskLevel, "risk_level", RiskLevels.Allowed);
            nominals = nominals.Where(n => n.RiskLevel == risk);
        }
        if (request.ReviewDueWithinDays != 0)
        {
            if (request.ReviewDueWithinDays is < 1 or > 366)
                throw new InvalidFieldException("review_due_within_days", $"must be between 1 and 366; got {request.ReviewDueWithinDays}");
            var by = today.AddDays(request.ReviewDueWithinDays);
            nominals = nominals.Where(n => n.ReviewDue != null && n.ReviewDue <= by);
        }
        var size = Paging.Size(request.Page);
        var offset = Paging.Offset(request.Page);
        var items = await nominals.OrderBySql("d.review_due asc nulls last, d.id").Skip(offset).Take(size).ToListAsync(ct);
        var reply = new NominalsReply { Page = Paging.OffsetInfo(offset, items.Count, await nominals.CountAsync(ct)) };
        reply.Nominals.AddRange(items.Select(n => ToReply(n, today)));
        return reply;
    }
}
