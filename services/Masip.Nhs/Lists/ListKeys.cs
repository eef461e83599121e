using System.Globalization;

namespace Masip.Nhs.Lists;

/// <summary>
/// The key a read model is listed by: fixed-width text whose ordinal order is the list's order,
/// ending with the record's id so no two keys tie. A page ends at a key; the next page starts
/// after it (keyset paging: a list that grows never shifts a page, and a deep page costs no more
/// than the first). Stored on the read model and duplicated into an indexed column.
/// </summary>
public static class ListKeys
{
    /// <summary>Newest first (read descending): when it happened, then the id.</summary>
    public static string Newest(DateTimeOffset at, Guid id) =>
        string.Create(CultureInfo.InvariantCulture, $"{at.UtcTicks:D19}|{id:N}");

    /// <summary>Newest first (read descending) by a day, then when it was recorded, then the id.</summary>
    public static string Newest(DateOnly day, DateTimeOffset at, Guid id) =>
        string.Create(CultureInfo.InvariantCulture, $"{day:yyyyMMdd}|{at.UtcTicks:D19}|{id:N}");

    /// <summary>
    /// Most urgent first (read ascending): the highest rank (0..9), then the longest waiting, then the id.
    /// </summary>
    public static string MostUrgent(int rank, DateTimeOffset since, Guid id) =>
        string.Create(CultureInfo.InvariantCulture, $"{9 - Math.Clamp(rank, 0, 9)}|{since.UtcTicks:D19}|{id:N}");
}
