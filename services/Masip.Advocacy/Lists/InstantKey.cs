using System.Globalization;
using Masip.Contracts.Common;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;

namespace Masip.Advocacy.Lists;

/// <summary>
/// The keyset position in a list ordered by an instant, then by id (the tie-breaker): the key of
/// the last item of a page, carried in the page token. A page then starts strictly after it, so
/// records added meanwhile never shift a page, and a deep page costs what the first one does.
/// The instant is kept to the microsecond, as PostgreSQL stores it.
/// </summary>
public readonly record struct InstantKey(DateTimeOffset At, Guid Id)
{
    public static InstantKey Of(DateTimeOffset at, Guid id) =>
        new(new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero), id);

    /// <summary>The key the previous page ended at, or null for the first page.</summary>
    public static InstantKey? After(PageRequest? page)
    {
        if (Paging.After(page) is not { } text)
            return null;
        var parts = text.Split('/');
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParseExact(parts[1], "N", out var id))
            return new InstantKey(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        throw new InvalidFieldException("page.page_token", "is not a token this service gave");
    }

    public override string ToString() => $"{At.UtcTicks.ToString(CultureInfo.InvariantCulture)}/{Id:N}";

    /// <summary>
    /// One page of <paramref name="ordered"/> (already filtered, ordered and started after the key):
    /// reads one item more than the page holds, to know whether another page follows.
    /// </summary>
    public static async Task<(IReadOnlyList<T> Items, string? NextAfter)> Page<T>(
        IQueryable<T> ordered, int size, Func<T, InstantKey> keyOf, CancellationToken cancellationToken) where T : notnull
    {
        var items = await Marten.QueryableExtensions.ToListAsync(ordered.Take(size + 1), cancellationToken);
        if (items.Count <= size)
            return (items, null);
        var page = items.Take(size).ToList();
        return (page, keyOf(page[^1]).ToString());
    }
}
