using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.ServiceDefaults.Errors;
using Microsoft.Extensions.Options;

namespace Masip.Police.Clocks;

/// <summary>`masip police clocks`: every clock near or past its limit (PoliceClocks.ListClocks).</summary>
public sealed class PoliceClocksGrpc(IQuerySession query, TimeProvider clock, IOptions<ClockOptions> options) : PoliceClocks.PoliceClocksBase
{
    public override async Task<ClockListReply> ListClocks(ListClocksRequest request, ServerCallContext context)
    {
        var kind = string.IsNullOrEmpty(request.Kind) ? null : Require.OneOf(request.Kind, "kind", ClockRules.ByWireName);
        var (items, page) = await ClockList.Read(query, clock.GetUtcNow(), options.Value.VictimUpdateCadenceDays, kind, request.Page,
            context.CancellationToken);
        var reply = new ClockListReply { Page = page };
        reply.Clocks.AddRange(items.Select(i => new ClockItem
        {
            Kind = i.Reading.Kind,
            CaseId = i.CaseId.ToString(),
            CrimeReference = i.CrimeReference,
            OrderId = i.OrderId?.ToString() ?? "",
            BreachId = i.BreachId?.ToString() ?? "",
            StartedAt = Formats.Instant(i.Reading.StartedAt),
            DueAt = Formats.Instant(i.Reading.DueAt),
            Status = i.Reading.Status == ClockStatus.Past ? "past" : "near",
            OfficerInCase = i.OfficerInCase ?? "",
        }));
        return reply;
    }
}
