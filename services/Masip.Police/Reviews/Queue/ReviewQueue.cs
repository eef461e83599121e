using Marten;
using Masip.Police.Cases;

namespace Masip.Police.Reviews.Queue;

public sealed record ReviewQueueFilter(DateOnly? From, DateOnly? To, Offence? Offence, string? Borough, string? Unit, string? Flag);

public sealed record ReviewQueuePage(IReadOnlyList<StacCase> Items, int Total, int? NextOffset);

/// <summary>
/// Reports awaiting review in the morning order, answered from the indexed QueueKey column of
/// the case documents (a range scan with a limit, whatever the number of reports stored).
/// </summary>
public static class ReviewQueue
{
    public static readonly IReadOnlyDictionary<string, string> Flags =
        new[] { "domestic-abuse", "online-element", "children-involved", "police-perpetrated" }.ToDictionary(v => v, v => v);

    public static async Task<ReviewQueuePage> Read(IQuerySession session, ReviewQueueFilter filter, int offset, int size, CancellationToken ct)
    {
        IQueryable<StacCase> query = session.Query<StacCase>().Where(c => c.QueueKey != null);
        if (filter.From is { } from)
            query = query.Where(c => c.ReportedOn >= from);
        if (filter.To is { } to)
            query = query.Where(c => c.ReportedOn <= to);
        if (filter.Offence is { } offence)
            query = query.Where(c => c.Principal == offence);
        if (filter.Borough is { } borough)
            query = query.Where(c => c.Borough == borough);
        if (filter.Unit is { } unit)
            query = query.Where(c => c.Unit == unit);
        query = filter.Flag switch
        {
            "domestic-abuse" => query.Where(c => c.Report.Flags.DomesticAbuse),
            "online-element" => query.Where(c => c.Report.Flags.OnlineElement),
            "children-involved" => query.Where(c => c.Report.Flags.ChildrenInvolved),
            "police-perpetrated" => query.Where(c => c.Report.Flags.PolicePerpetrated),
            _ => query,
        };
        // Two queries on purpose: the page is an index range scan with a limit; the count reads
        // only the indexed columns (a window count over the page query would load every document).
        var items = await query.OrderBy(c => c.QueueKey).Skip(offset).Take(size).ToListAsync(ct);
        var total = await query.CountAsync(ct);
        return new ReviewQueuePage([.. items], total, offset + items.Count < total ? offset + items.Count : null);
    }
}
