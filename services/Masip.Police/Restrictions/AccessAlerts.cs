using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;
using Masip.ServiceDefaults.Sharing;

namespace Masip.Police.Restrictions;

public sealed partial class RestrictedRecordsGrpc
{
    /// <summary>The caller's alerts only (the supervisor who restricted the cases): newest first, then by id; offset pages.</summary>
    public override async Task<RestrictedAccessAlertsReply> ListRestrictedAccessAlerts(ListRestrictedAccessAlertsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var size = Paging.Size(request.Page);
        var offset = Paging.Offset(request.Page);
        var supervisor = context.Sharing().Caller.Subject;
        var alerts = query.Query<RestrictedAccessAlertDocument>().Where(a => a.Supervisor == supervisor);
        var page = await alerts.OrderByDescending(a => a.AccessedAt).ThenBy(a => a.Id).Skip(offset).Take(size).ToListAsync(ct);
        var reply = new RestrictedAccessAlertsReply { Page = Paging.OffsetInfo(offset, page.Count, await alerts.CountAsync(ct)) };
        reply.Alerts.AddRange(page.Select(a => new RestrictedAccessAlert
        {
            AlertId = a.Id.ToString(),
            CaseId = a.CaseId.ToString(),
            AccessedBy = a.AccessedBy,
            AccessReason = a.Reason ?? "",
            Refused = a.Refused,
            AccessedAt = Formats.Instant(a.AccessedAt),
        }));
        return reply;
    }
}
