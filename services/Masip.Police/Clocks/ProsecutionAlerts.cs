using System.Globalization;
using Marten;
using Marten.Linq.MatchesSql;
using Masip.Contracts.Common;
using Masip.Police.Cases;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;

namespace Masip.Police.Clocks;

/// <summary>
/// Open s2A cases inside their alert window (or past the limit), the most urgent first: the
/// earliest first incident, then the crime reference. One range on the indexed offence-date
/// column, paged by the last (offence date, crime reference) shown.
/// </summary>
public static class ProsecutionAlerts
{
    public static async Task<(IReadOnlyList<StacCase> Items, PageInfo Page)> Read(IQuerySession session, DateTimeOffset now, PageRequest? page,
        CancellationToken ct)
    {
        var size = Paging.Size(page);
        var latest = CaseClocks.LatestOffenceDateInAlert(DateOnly.FromDateTime(now.UtcDateTime));
        var query = session.Query<StacCase>()
            .Where(c => c.Principal == Offence.S2A && c.Status != CaseStatus.Closed && c.OffenceDate <= latest);
        var pageQuery = query;
        if (Paging.After(page) is { } after)
        {
            var (date, reference) = Parse(after);
            pageQuery = query.Where(c => c.MatchesSql("(d.offence_date > ? or (d.offence_date = ? and d.crime_reference > ?))", date, date, reference));
        }
        var items = await pageQuery.OrderBy(c => c.OffenceDate).ThenBy(c => c.CrimeReference).Take(size + 1).ToListAsync(ct);
        var total = await query.CountAsync(ct);
        var shown = items.Take(size).ToList();
        return (shown, Paging.Info(items.Count > size ? Key(shown[^1]) : null, total));
    }

    private static string Key(StacCase c) => $"{c.OffenceDate:yyyy-MM-dd}|{c.CrimeReference}";

    private static (DateOnly Date, string Reference) Parse(string key)
    {
        var bar = key.IndexOf('|');
        if (bar == 10 && DateOnly.TryParseExact(key[..bar], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (date, key[(bar + 1)..]);
        throw new InvalidFieldException("page.page_token", "is not a token this service gave");
    }
}
