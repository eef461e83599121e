using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Clocks;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Reviews;

/// <summary>The clocks of a case and the morning's time-limit list (StacReviews queries).</summary>
public sealed partial class StacReviewsGrpc
{
    public override async Task<ClocksReply> GetClocks(GetClocksRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.CaseId, "case_id");
        var c = await query.LoadAsync<StacCase>(id, context.CancellationToken) ?? throw NotFound.For<StacCase>("case_id", id);
        return CaseReplies.ToReply(c, CaseClocks.For(c, clock.GetUtcNow(), DefaultCadence));
    }

    public override async Task<ProsecutionAlertsReply> ListProsecutionAlerts(ListProsecutionAlertsRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        var (items, page) = await ProsecutionAlerts.Read(query, now, request.Page, context.CancellationToken);
        var reply = new ProsecutionAlertsReply { Page = page };
        reply.Alerts.AddRange(items.Select(c =>
        {
            var clocksNow = CaseClocks.For(c, now, DefaultCadence);
            return new ProsecutionAlert
            {
                CaseId = c.Id.ToString(),
                CrimeReference = c.CrimeReference,
                OffenceDate = Formats.Date(c.OffenceDate),
                ProsecutionLimitDate = Formats.Date(clocksNow.ProsecutionLimitDate!.Value),
                DaysToProsecutionLimit = clocksNow.DaysToProsecutionLimit ?? 0,
                Status = CaseStatuses.Name(c.Status),
                OfficerInCase = c.Report.OfficerInCase,
            };
        }));
        return reply;
    }
}
