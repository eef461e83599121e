using System.Globalization;
using Marten;
using Marten.Linq.MatchesSql;
using Masip.Contracts.Common;
using Masip.Police.Cases;
using Masip.Police.Orders;
using Masip.ServiceDefaults.Lists;

namespace Masip.Police.Clocks;

/// <summary>One clock near or past its limit: on a case, or on a breach of an order.</summary>
public sealed record ClockListItem(
    ClockReading Reading, Guid CaseId, string CrimeReference, Guid? PerpetratorId, Guid? OrderId, Guid? BreachId, string? OfficerInCase)
{
    /// <summary>One clock instance: a restarted clock (a new victim update, a new breach) is another.</summary>
    public string Key => $"{Reading.Kind}|{BreachId ?? CaseId:N}|{Reading.DueAt.UtcTicks}";
}

/// <summary>
/// Every clock near or past its limit (issue 16.2), kind by kind in <see cref="ClockRules.Kinds"/>
/// order, each kind the most urgent first (then id). Each kind is one range on an indexed column
/// of its read model; the reading itself comes from the pure rules, so the list and the case view
/// never disagree. Paged by offset over the kinds in turn.
/// </summary>
public static class ClockList
{
    public static async Task<(IReadOnlyList<ClockListItem> Items, PageInfo Page)> Read(IQuerySession session, DateTimeOffset now, int defaultCadenceDays,
        string? kind, PageRequest? page, CancellationToken ct)
    {
        var size = Paging.Size(page);
        var offset = Paging.Offset(page);
        var items = new List<ClockListItem>();
        long total = 0;
        var skip = offset;
        foreach (var k in kind is null ? ClockRules.Kinds : [kind])
        {
            var count = await Count(session, k, now, defaultCadenceDays, ct);
            total += count;
            if (items.Count < size && skip < count)
                items.AddRange(await Page(session, k, now, defaultCadenceDays, skip, size - items.Count, ct));
            skip = (int)Math.Max(0, skip - count);
        }
        return (items, Paging.OffsetInfo(offset, items.Count, total));
    }

    private static Task<int> Count(IQuerySession session, string kind, DateTimeOffset now, int cadence, CancellationToken ct) => kind == ClockRules.BreachResponse
        ? Breaches(session, now).CountAsync(ct)
        : Cases(session, kind, now, cadence).CountAsync(ct);

    private static async Task<IReadOnlyList<ClockListItem>> Page(IQuerySession session, string kind, DateTimeOffset now, int cadence, int skip, int take,
        CancellationToken ct)
    {
        if (kind == ClockRules.BreachResponse)
        {
            var orders = await Breaches(session, now).OrderBy(o => o.BreachResponseDueAt).ThenBy(o => o.Id).Skip(skip).Take(take).ToListAsync(ct);
            return [.. orders.Select(o =>
            {
                var breach = o.Breaches.Where(b => b.RespondedAt is null).OrderBy(b => b.ReportedAt).First();
                return new ClockListItem(ClockRules.BreachResponseClock(breach.ReportedAt, now), o.CaseId, o.CrimeReference, o.PerpetratorId,
                    o.Id, breach.BreachId, null);
            })];
        }
        var query = Cases(session, kind, now, cadence);
        query = kind switch
        {
            ClockRules.InterimSpo => query.OrderBy(c => c.InterimSpoDueAt).ThenBy(c => c.Id),
            ClockRules.FullSpo => query.OrderBy(c => c.FullSpoDueAt).ThenBy(c => c.Id),
            ClockRules.S2ALimit => query.OrderBy(c => c.OffenceDate).ThenBy(c => c.Id),
            _ => query.OrderBySql($"{VictimUpdateDue(cadence)}, d.id"),
        };
        var cases = await query.Skip(skip).Take(take).ToListAsync(ct);
        return [.. cases.Select(c => new ClockListItem(ReadingOf(c, kind, now, cadence), c.Id, c.CrimeReference, c.PerpetratorId, null, null,
            c.Report.OfficerInCase))];
    }

    public static ClockReading ReadingOf(StacCase c, string kind, DateTimeOffset now, int defaultCadenceDays) => kind switch
    {
        ClockRules.InterimSpo => ClockRules.InterimSpoClock(c.InterimSpoStartedAt, now),
        ClockRules.FullSpo => ClockRules.FullSpoClock(c.Spo.ConsideredAt!.Value, now),
        ClockRules.S2ALimit => ClockRules.S2AClock(c.OffenceDate, now),
        ClockRules.VictimUpdate => ClockRules.VictimUpdateClock(c.VictimUpdateAnchor, c.VictimUpdateCadenceDays ?? defaultCadenceDays, now),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a case clock"),
    };

    private static IQueryable<ProtectiveOrder> Breaches(IQuerySession session, DateTimeOffset now)
    {
        var nearBy = now + ClockRules.BreachResponseNear;
        return session.Query<ProtectiveOrder>().Where(o => o.BreachResponseDueAt != null && o.BreachResponseDueAt <= nearBy);
    }

    private static IQueryable<StacCase> Cases(IQuerySession session, string kind, DateTimeOffset now, int cadence)
    {
        var open = session.Query<StacCase>().Where(c => c.Status != CaseStatus.Closed);
        switch (kind)
        {
            case ClockRules.InterimSpo:
                var interimNear = now + ClockRules.InterimSpoNear;
                return open.Where(c => c.InterimSpoDueAt != null && c.InterimSpoDueAt <= interimNear);
            case ClockRules.FullSpo:
                // Near from 7 days before the due-by day; late from the day after it: 8 days before DueAt.
                var fullNear = now.AddDays(ClockRules.FullSpoNearDays + 1);
                return open.Where(c => c.FullSpoDueAt != null && c.FullSpoDueAt <= fullNear);
            case ClockRules.S2ALimit:
                var latest = CaseClocks.LatestOffenceDateInAlert(DateOnly.FromDateTime(now.UtcDateTime));
                return open.Where(c => c.Principal == Offence.S2A && c.OffenceDate <= latest);
            case ClockRules.VictimUpdate:
                var nearBy = now + ClockRules.VictimUpdateNear;
                return open.Where(c => c.MatchesSql($"{VictimUpdateDue(cadence)} <= ?", nearBy));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a clock kind");
        }
    }

    // The configured default cadence is an integer from configuration, never request text.
    private static string VictimUpdateDue(int defaultCadenceDays) =>
        $"(d.victim_update_anchor + make_interval(days => coalesce(d.victim_update_cadence_days, {defaultCadenceDays.ToString(CultureInfo.InvariantCulture)})))";
}
