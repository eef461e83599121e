using System.Globalization;
using System.Text;
using Masip.Contracts.Common;
using Masip.ServiceDefaults.Errors;

namespace Masip.ServiceDefaults.Lists;

/// <summary>
/// The one page shape (common.proto): every list rpc reads a <see cref="PageRequest"/> and answers
/// a <see cref="PageInfo"/>. A token is opaque to the caller: the position after the last item of
/// the previous page, either an offset or a key of the list's order (keyset paging, which stays
/// fast however deep the page). A token this service did not give is InvalidArgument.
/// </summary>
public static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;
    private const string Prefix = "p1|";

    /// <summary>The page size asked for (1..500; 0 is the default).</summary>
    public static int Size(PageRequest? page, string field = "page")
    {
        var size = page?.PageSize ?? 0;
        if (size is < 0 or > MaxSize)
            throw new InvalidFieldException($"{field}.page_size", $"must be between 1 and {MaxSize}; got {size}");
        return size == 0 ? DefaultSize : size;
    }

    /// <summary>The key the previous page ended at, or null for the first page.</summary>
    public static string? After(PageRequest? page, string field = "page")
    {
        if (string.IsNullOrEmpty(page?.PageToken))
            return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(FromUrl(page.PageToken)));
            if (text.StartsWith(Prefix, StringComparison.Ordinal))
                return text[Prefix.Length..];
        }
        catch (FormatException)
        {
        }
        throw new InvalidFieldException($"{field}.page_token", "is not a token this service gave");
    }

    /// <summary>The offset the previous page ended at (0 for the first page).</summary>
    public static int Offset(PageRequest? page, string field = "page") =>
        After(page, field) is not { } after ? 0
        : int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset >= 0 ? offset
        : throw new InvalidFieldException($"{field}.page_token", "is not a token this service gave");

    public static string Token(string after) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + after)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Token(int offset) => Token(offset.ToString(CultureInfo.InvariantCulture));

    /// <summary>The page info: a next token when the page was full and more may follow.</summary>
    public static PageInfo Info(string? nextAfter, long total, bool estimate = false) =>
        new() { NextPageToken = nextAfter is null ? "" : Token(nextAfter), Total = total, TotalIsEstimate = estimate };

    /// <summary>The page info of an offset page of <paramref name="count"/> items from <paramref name="offset"/>.</summary>
    public static PageInfo OffsetInfo(int offset, int count, long total) =>
        Info(offset + count < total ? (offset + count).ToString(CultureInfo.InvariantCulture) : null, total);

    private static string FromUrl(string token)
    {
        var text = token.Replace('-', '+').Replace('_', '/');
        return text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
    }
}
