using System.Globalization;
using Masip.ServiceDefaults.Errors;

namespace Masip.ServiceDefaults.Statistics;

/// <summary>
/// The period of a monthly statistics request: from and to as yyyy-MM-dd, both inclusive and both
/// optional (empty: unbounded), named in the error when malformed or reversed. Every agency's
/// ListMonthlyStatistics reads its request through this, so "a month" is the same everywhere:
/// the UTC calendar month of the date counted.
/// </summary>
public sealed record StatisticsPeriod(DateOnly? From, DateOnly? To)
{
    public static StatisticsPeriod Parse(string? from, string? to, string fromField = "from", string toField = "to")
    {
        DateOnly? first = string.IsNullOrWhiteSpace(from) ? null : Require.Date(from, fromField);
        DateOnly? last = string.IsNullOrWhiteSpace(to) ? null : Require.Date(to, toField);
        if (last < first)
            throw new InvalidFieldException(toField, $"must not be before {fromField}");
        return new StatisticsPeriod(first, last);
    }

    /// <summary>The first instant of the period (UTC), for a database filter; null when unbounded.</summary>
    public DateTimeOffset? FromInstant => From is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    /// <summary>The first instant after the period (UTC), for a database filter; null when unbounded.</summary>
    public DateTimeOffset? ToExclusive => To is { } d ? new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    public bool Contains(DateOnly date) => (From is null || date >= From) && (To is null || date <= To);

    public bool Contains(DateTimeOffset instant) => Contains(DateOnly.FromDateTime(instant.UtcDateTime));

    public static string MonthOf(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string MonthOf(DateTimeOffset instant) => MonthOf(DateOnly.FromDateTime(instant.UtcDateTime));

    /// <summary>The last instant of a month (yyyy-MM), for "as it stood at the month's end".</summary>
    public static DateTimeOffset EndOf(string month)
    {
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new DateTimeOffset(first.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks(-1);
    }

    public static double Round(double value, int digits = 2) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

    public static double Mean(IReadOnlyCollection<double> values) => values.Count == 0 ? 0 : Round(values.Average());

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
            return 0;
        var mid = sorted.Count / 2;
        return Round(sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
    }

    public static double Rate(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);

    /// <summary>Adds one to a count keyed by code (an ordinal SortedDictionary keeps the codes ordered for the reply).</summary>
    public static void Count(SortedDictionary<string, int> counts, string code) => counts[code] = counts.GetValueOrDefault(code) + 1;
}

/// <summary>
/// The months of a monthly statistics reply: each month's tally made once when first counted into,
/// kept in month order, and paged by offset (every agency's ListMonthlyStatistics pages the same way).
/// </summary>
public sealed class Months<TMonth>(Func<string, TMonth> create)
{
    private readonly SortedDictionary<string, TMonth> _months = new(StringComparer.Ordinal);

    /// <summary>The tally of <paramref name="month"/> (yyyy-MM), made on first use.</summary>
    public TMonth At(string month) => _months.TryGetValue(month, out var tally) ? tally : _months[month] = create(month);

    public IEnumerable<TMonth> Values => _months.Values;

    /// <summary>One page of the months' rows, in month order, with its page info.</summary>
    public (IReadOnlyList<TRow> Rows, Masip.Contracts.Common.PageInfo Page) Page<TRow>(Masip.Contracts.Common.PageRequest? page, Func<TMonth, TRow> row)
    {
        var size = Lists.Paging.Size(page);
        var offset = Lists.Paging.Offset(page);
        var rows = _months.Values.Skip(offset).Take(size).Select(row).ToList();
        return (rows, Lists.Paging.OffsetInfo(offset, rows.Count, _months.Count));
    }
}
