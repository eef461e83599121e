using Marten;
using Marten.Linq.MatchesSql;
using Masip.Contracts.Common;
using Masip.Police.Cases;
using Masip.ServiceDefaults.Lists;

namespace Masip.Police.Reviews.Queue;

public sealed record ReviewQueueFilter(DateOnly? From, DateOnly? To, Offence? Offence, string? Borough, string? Unit, string? Flag);

/// <summary>
/// Reports awaiting review in the morning order, answered from the indexed QueueKey column of
/// the case documents: a range scan with a limit, whatever the number of reports stored. A page
/// starts after the last key of the previous one (keyset), so a report reviewed meanwhile never
/// makes the next page skip another.
/// </summary>
public static class ReviewQueue
{
    public static readonly IReadOnlyDictionary<string, string> Flags =
        new[] { "domestic-abuse", "online-element", "children-involved", "police-perpetrated" }.ToDictionary(v => v, v => v);

    public static async Task<(IReadOnlyList<StacCase> Items, PageInfo Page)> Read(IQuerySession session, ReviewQueueFilter filter, PageRequest? page,
        CancellationToken ct)
    {
        var size = Paging.Size(page);
        var after = Paging.After(page);
        var query = Filtered(session, filter);
        var pageQuery = after is null ? query : query.Where(c => c.MatchesSql("d.queue_key > ?", after));
        // Two queries on purpose: the page is an index range scan with a limit; the count reads
        // only the indexed columns (a window count over the page query would load every document).
        var items = await pageQuery.OrderBy(c => c.QueueKey).Take(size + 1).ToListAsync(ct);
        var total = await query.CountAsync(ct);
        var shown = items.Take(size).ToList();
        return (shown, Paging.Info(items.Count > size ? shown[^1].QueueKey : null, total));
    }

    /// <summary>The reports awaiting review that match <paramref name="filter"/> (the bench runs its SQL directly as a baseline).</summary>
    public static IQueryable<StacCase> Filtered(IQuerySession session, ReviewQueueFilter filter)
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
        return filter.Flag switch
        {
            "domestic-abuse" => query.Where(c => c.Report.Flags.DomesticAbuse),
            "online-element" => query.Where(c => c.Report.Flags.OnlineElement),
            "children-involved" => query.Where(c => c.Report.Flags.ChildrenInvolved),
            "police-perpetrated" => query.Where(c => c.Report.Flags.PolicePerpetrated),
            _ => query,
        };
    }
}
