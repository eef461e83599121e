using Grpc.Core;
using Marten;
using Masip.Contracts.Probation;
using Masip.Probation.Lists;
using Masip.Probation.People;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;

namespace Masip.Probation.Mappa;

public sealed partial class MappaGrpc
{
    /// <summary>The longest waiting first: by the time flagged, then person id (keyset pages).</summary>
    public override async Task<ListMappaFlagsReply> ListMappaFlags(ListMappaFlagsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var size = Paging.Size(request.Page);
        var after = Keyset.InstantAfter(request.Page);
        var flagged = query.Query<Person>().Where(p => p.MappaFlaggedCaseId != null && p.MappaFlaggedAt != null);
        var total = await flagged.CountAsync(ct);
        var (page, next) = await Keyset.Page(
            flagged.After("mappa_flagged_at", after?.Value, after?.Id ?? Guid.Empty).OrderBy(p => p.MappaFlaggedAt).ThenBy(p => p.Id),
            size, p => Keyset.Key(p.MappaFlaggedAt!.Value, p.Id), ct);
        var reply = new ListMappaFlagsReply { Page = Paging.Info(next, total) };
        reply.Flags.AddRange(page.Select(p => new MappaFlag
        {
            PersonId = p.Id.ToString(),
            PerpetratorId = p.PerpetratorId?.ToString() ?? "",
            CaseId = p.MappaFlaggedCaseId!.Value.ToString(),
            FlaggedAt = Formats.Instant(p.MappaFlaggedAt!.Value),
        }));
        return reply;
    }
}
