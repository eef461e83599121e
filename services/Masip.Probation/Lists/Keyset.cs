using System.Globalization;
using Marten;
using Marten.Linq.MatchesSql;
using Masip.Contracts.Common;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;

namespace Masip.Probation.Lists;

/// <summary>
/// Keyset pages of a list ordered by a date or an instant (a duplicated column), then by id: a page
/// token carries the last item's key, and the next page starts strictly after it, so an item
/// added or changed while someone pages is neither shown twice nor skipped, and a deep page costs
/// what the first does. The scans page the same way.
/// </summary>
public static class Keyset
{
    /// <summary>The items of <paramref name="query"/> after <paramref name="after"/> in (<paramref name="column"/>, id) order.</summary>
    public static IQueryable<T> After<T>(this IQueryable<T> query, string column, object? after, Guid afterId) where T : notnull =>
        after is null ? query : query.Where(d => d.MatchesSql($"(d.{column}, d.id) > (?, ?)", after, afterId));

    /// <summary>One page: up to <paramref name="size"/> items, and the key to continue after (null: the last page).</summary>
    public static async Task<(IReadOnlyList<T> Items, string? Next)> Page<T>(IQueryable<T> ordered, int size, Func<T, string> key, CancellationToken ct)
        where T : notnull
    {
        var items = await ordered.Take(size + 1).ToListAsync(ct);
        return items.Count > size ? ([.. items.Take(size)], key(items[size - 1])) : (items, null);
    }

    public static string Key(DateOnly value, Guid id) => $"{value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}|{id:N}";

    // Ticks, not text: the instant comes back exactly as the document holds it.
    public static string Key(DateTimeOffset value, Guid id) => $"{value.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{id:N}";

    /// <summary>Where the previous page of a date-ordered list ended (null: the first page).</summary>
    public static (DateOnly Value, Guid Id)? DateAfter(PageRequest? page)
    {
        if (Split(page) is not (var value, var id))
            return null;
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date, id)
            : throw NotOurs();
    }

    /// <summary>Where the previous page of an instant-ordered list ended (null: the first page).</summary>
    public static (DateTimeOffset Value, Guid Id)? InstantAfter(PageRequest? page)
    {
        if (Split(page) is not (var value, var id))
            return null;
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : throw NotOurs();
    }

    private static (string Value, Guid Id)? Split(PageRequest? page)
    {
        if (Paging.After(page) is not { } after)
            return null;
        var bar = after.LastIndexOf('|');
        return bar > 0 && Guid.TryParseExact(after[(bar + 1)..], "N", out var id) ? (after[..bar], id) : throw NotOurs();
    }

    private static InvalidFieldException NotOurs() => new("page.page_token", "is not a token this service gave");
}
