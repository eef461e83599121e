using Marten;
using Masip.Police.Cases;

namespace Masip.Police.Clocks;

/// <summary>
/// Open s2A cases inside their alert window (or past the limit), oldest first incident first:
/// a range on the indexed offence-date column, then the exact window from <see cref="CaseClocks"/>.
/// </summary>
public static class ProsecutionAlerts
{
    public static async Task<(IReadOnlyList<StacCase> Items, int? NextOffset)> Read(
        IQuerySession session, DateTimeOffset now, int offset, int size, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // The alert opens at the earlier of limit - 30 days and limit - 1 month, so never before
        // 5 months (less a day or two) after the first incident.
        var latestInWindow = today.AddMonths(-5).AddDays(2);
        var candidates = await session.Query<StacCase>()
            .Where(c => c.Principal == Offence.S2A && c.Status != CaseStatus.Closed && c.OffenceDate <= latestInWindow)
            .OrderBy(c => c.OffenceDate).ThenBy(c => c.CrimeReference)
            .Skip(offset).Take(size + 1)
            .ToListAsync(ct);
        var inWindow = candidates.Take(size).Where(c => CaseClocks.For(c, now, 1).ProsecutionAlert).ToList();
        return (inWindow, candidates.Count > size ? offset + size : null);
    }
}
