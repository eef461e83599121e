using System.Text.Json;
using Marten;
using Marten.Linq;
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
/// makes the next page skip another. The total is counted exactly up to <see cref="CountedUpTo"/>;
/// beyond, it is the planner's estimate, marked as such (PageInfo.total_is_estimate).
/// </summary>
public static class ReviewQueue
{
    /// <summary>Up to this many matching reports the total is an exact count (an index range scan with a limit).</summary>
    public const int CountedUpTo = 1000;

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
        var (total, estimate) = await Total(session, query, ct);
        var shown = items.Take(size).ToList();
        return (shown, Paging.Info(items.Count > size ? shown[^1].QueueKey : null, total, estimate));
    }

    /// <summary>
    /// The matching reports counted up to <see cref="CountedUpTo"/> + 1 (issue 15: a count over
    /// 100,000 reports awaiting review was nearly all of a page's time); past that, the planner's
    /// estimate of the rows the query matches, never less than the count that was reached.
    /// </summary>
    private static async Task<(long Total, bool Estimate)> Total(IQuerySession session, IQueryable<StacCase> query, CancellationToken ct)
    {
        var capped = query.Select(c => c.Id).Take(CountedUpTo + 1).ToCommand(FetchType.FetchMany);
        capped.CommandText = $"select count(*) from ({capped.CommandText.TrimEnd().TrimEnd(';')}) as capped";
        long counted;
        await using (var reader = await session.ExecuteReaderAsync(capped, ct))
        {
            await reader.ReadAsync(ct);
            counted = reader.GetInt64(0);
        }
        if (counted <= CountedUpTo)
            return (counted, false);

        var plan = query.Select(c => c.Id).ToCommand(FetchType.FetchMany);
        plan.CommandText = "explain (format json) " + plan.CommandText;
        string json;
        await using (var reader = await session.ExecuteReaderAsync(plan, ct))
        {
            await reader.ReadAsync(ct);
            json = reader.GetString(0);
        }
        using var document = JsonDocument.Parse(json);
        var estimated = (long)document.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        return (Math.Max(estimated, counted), true);
    }

    private static IQueryable<StacCase> Filtered(IQuerySession session, ReviewQueueFilter filter)
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
