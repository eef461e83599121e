using System.Linq.Expressions;
using Marten;
using Masip.Contracts.Common;
using Masip.ServiceDefaults.Lists;

namespace Masip.Nhs.Lists;

/// <summary>One page of a list ordered by its <see cref="ListKeys"/> key, and where it stands (the one page shape).</summary>
public static class KeysetPage
{
    private static readonly System.Reflection.MethodInfo CompareTo = typeof(string).GetMethod(nameof(string.CompareTo), [typeof(string)])!;

    public static async Task<(IReadOnlyList<T> Items, PageInfo Page)> ReadAsync<T>(
        IQueryable<T> list, Expression<Func<T, string>> key, bool descending, PageRequest? page, CancellationToken cancellationToken)
        where T : notnull
    {
        var size = Paging.Size(page);
        var after = Paging.After(page);
        var total = await list.CountAsync(cancellationToken);
        if (after is not null)
            list = list.Where(Beyond(key, after, descending));
        var ordered = descending ? list.OrderByDescending(key) : list.OrderBy(key);
        var items = (await ordered.Take(size + 1).ToListAsync(cancellationToken)).ToList();
        string? next = null;
        if (items.Count > size)
        {
            items.RemoveAt(size);
            next = key.Compile()(items[^1]);
        }
        return (items, Paging.Info(next, total));
    }

    // key.CompareTo(after) < 0 (descending) or > 0 (ascending): what comes after the previous page.
    private static Expression<Func<T, bool>> Beyond<T>(Expression<Func<T, string>> key, string after, bool descending)
    {
        var compared = Expression.Call(key.Body, CompareTo, Expression.Constant(after));
        var zero = Expression.Constant(0);
        Expression body = descending ? Expression.LessThan(compared, zero) : Expression.GreaterThan(compared, zero);
        return Expression.Lambda<Func<T, bool>>(body, key.Parameters);
    }
}
