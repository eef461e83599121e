using Masip.Police.Cases;

namespace Masip.Police.Clocks;

/// <summary>Configuration of the clocks ("Masip:Police:VictimUpdateCadenceDays").</summary>
public sealed class ClockOptions
{
    public int VictimUpdateCadenceDays { get; set; } = 28;
}

/// <summary>The clocks of one case, as of a given instant.</summary>
public sealed record CaseClocks(
    DateOnly? ProsecutionLimitDate,
    DateOnly? ProsecutionAlertFrom,
    bool ProsecutionAlert,
    bool ProsecutionLimitPassed,
    int? DaysToProsecutionLimit,
    int VictimUpdateCadenceDays,
    DateTimeOffset VictimUpdateDueAt,
    bool VictimUpdateOverdue,
    DateOnly? SpoFullApplicationDueBy,
    bool SpoFullApplicationOverdue)
{
    /// <summary>
    /// s2A is summary-only: prosecution must start within 6 months of the offence, counted from
    /// the first incident of the course of conduct (DOMAIN.md; 8 s2A cases were lost to it, 003).
    /// The alert opens 30 days before the limit, or one calendar month before when that is
    /// earlier, so a case 5 months old always shows it.
    /// </summary>
    public static DateOnly ProsecutionLimit(DateOnly offenceDate) => offenceDate.AddMonths(6);

    public static DateOnly AlertFrom(DateOnly offenceDate)
    {
        var limit = ProsecutionLimit(offenceDate);
        return new[] { limit.AddDays(-30), limit.AddMonths(-1) }.Min();
    }

    /// <summary>
    /// The latest first-incident date whose s2A alert has opened by <paramref name="today"/>: every
    /// earlier one has opened too (the alert date only moves forward with the offence date), so the
    /// alert list is one range on the indexed offence-date column.
    /// </summary>
    public static DateOnly LatestOffenceDateInAlert(DateOnly today)
    {
        // The alert opens at least 150 days after the first incident, so this starts above the answer.
        var offenceDate = today.AddDays(-140);
        while (AlertFrom(offenceDate) > today)
            offenceDate = offenceDate.AddDays(-1);
        return offenceDate;
    }

    public static CaseClocks For(StacCase @case, DateTimeOffset now, int defaultCadenceDays)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        DateOnly? limit = null, alertFrom = null;
        bool alert = false, passed = false;
        int? days = null;
        if (@case.Report.Principal == Offence.S2A)
        {
            var l = ProsecutionLimit(@case.Report.OffenceDate);
            var a = AlertFrom(@case.Report.OffenceDate);
            limit = l;
            alertFrom = a;
            days = l.DayNumber - today.DayNumber;
            passed = today > l;
            alert = @case.Status != CaseStatus.Closed && today >= a;
        }

        var cadence = @case.VictimUpdateCadenceDays ?? defaultCadenceDays;
        var due = @case.VictimUpdateAnchor.AddDays(cadence);
        var overdue = @case.Status != CaseStatus.Closed && now > due;
        // The full SPO application is due within 4 weeks of the need being identified (001 L807-811).
        DateOnly? fullDue = null;
        var fullOverdue = false;
        if (@case.Spo is { WillApply: true, ConsideredAt: { } identified, FullAppliedOn: null } && @case.Status != CaseStatus.Closed
            && @case.Spo.Status is not ("full-granted" or "full-refused" or "expired"))
        {
            fullDue = DateOnly.FromDateTime(identified.UtcDateTime).AddDays(28);
            fullOverdue = today > fullDue;
        }
        return new CaseClocks(limit, alertFrom, alert, passed, days, cadence, due, overdue, fullDue, fullOverdue);
    }
}
