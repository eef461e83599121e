namespace Masip.Police.Clocks;

/// <summary>Where a clock stands: running (time left), near its limit, or past it.</summary>
public enum ClockStatus
{
    Running = 0,
    Near = 1,
    Past = 2,
}

/// <summary>
/// One clock as of an instant: what it counts to (<paramref name="DueAt"/>: the first instant at
/// which the action is late), from when it shows as near (<paramref name="NearFrom"/>), and where
/// it stands now.
/// </summary>
public sealed record ClockReading(string Kind, DateTimeOffset StartedAt, DateTimeOffset NearFrom, DateTimeOffset DueAt, ClockStatus Status)
{
    public bool NearOrPast => Status != ClockStatus.Running;
}

/// <summary>
/// The time limits the reports set (DOMAIN.md "Rules the reports ask for"), as pure deciders:
/// each takes the instant the clock started and the instant to read it at, and says whether it is
/// running, near or past. Nothing here reads a clock: time comes in as an argument.
/// </summary>
public static class ClockRules
{
    public const string InterimSpo = "interim-spo";
    public const string FullSpo = "full-spo";
    public const string BreachResponse = "breach-response";
    public const string S2ALimit = "s2a-limit";
    public const string VictimUpdate = "victim-update";

    /// <summary>The clock kinds, in the order the list shows them (the shortest limits first).</summary>
    public static readonly IReadOnlyList<string> Kinds = [BreachResponse, InterimSpo, FullSpo, S2ALimit, VictimUpdate];

    public static readonly IReadOnlyDictionary<string, string> ByWireName = Kinds.ToDictionary(k => k, k => k);

    /// <summary>An interim SPO is sought within 48 hours of the report or the arrest, with the victim's consent (001 L807-811).</summary>
    public static readonly TimeSpan InterimSpoLimit = TimeSpan.FromHours(48);
    public static readonly TimeSpan InterimSpoNear = TimeSpan.FromHours(12);

    /// <summary>The full SPO application within 4 weeks of the need being identified (001 L807-811): due by day 28, late from day 29.</summary>
    public const int FullSpoDays = 28;
    public const int FullSpoNearDays = 7;

    /// <summary>Every breach is flagged to STAC and answered within 24 hours (001 L815-819).</summary>
    public static readonly TimeSpan BreachResponseLimit = TimeSpan.FromHours(24);
    public static readonly TimeSpan BreachResponseNear = TimeSpan.FromHours(6);

    /// <summary>A victim update shows as near one day before the agreed cadence runs out (Victims' Code).</summary>
    public static readonly TimeSpan VictimUpdateNear = TimeSpan.FromDays(1);

    public static ClockReading Read(string kind, DateTimeOffset startedAt, DateTimeOffset nearFrom, DateTimeOffset dueAt, DateTimeOffset now) =>
        new(kind, startedAt, nearFrom, dueAt, now >= dueAt ? ClockStatus.Past : now >= nearFrom ? ClockStatus.Near : ClockStatus.Running);

    /// <summary>From the report reaching STAC, or the arrest when one is recorded later.</summary>
    public static ClockReading InterimSpoClock(DateTimeOffset reportOrArrest, DateTimeOffset now)
    {
        var due = reportOrArrest + InterimSpoLimit;
        return Read(InterimSpo, reportOrArrest, due - InterimSpoNear, due, now);
    }

    /// <summary>Counted in calendar days from the day the need was identified: due by that day + 28.</summary>
    public static ClockReading FullSpoClock(DateTimeOffset needIdentified, DateTimeOffset now)
    {
        var dueBy = DateOnly.FromDateTime(needIdentified.UtcDateTime).AddDays(FullSpoDays);
        var late = StartOf(dueBy.AddDays(1));
        return Read(FullSpo, needIdentified, StartOf(dueBy.AddDays(-FullSpoNearDays)), late, now);
    }

    public static DateOnly FullSpoDueBy(DateTimeOffset needIdentified) =>
        DateOnly.FromDateTime(needIdentified.UtcDateTime).AddDays(FullSpoDays);

    public static ClockReading BreachResponseClock(DateTimeOffset reportedAt, DateTimeOffset now)
    {
        var due = reportedAt + BreachResponseLimit;
        return Read(BreachResponse, reportedAt, due - BreachResponseNear, due, now);
    }

    /// <summary>
    /// s2A is summary-only: prosecution starts within 6 months of the offence, counted from the
    /// first incident of the course of conduct, never from when the case was tiered or reviewed
    /// (8 s2A cases were lost to the limit, 003). Near from the alert date <see cref="CaseClocks.AlertFrom"/>.
    /// </summary>
    public static ClockReading S2AClock(DateOnly offenceDate, DateTimeOffset now)
    {
        var limit = CaseClocks.ProsecutionLimit(offenceDate);
        return Read(S2ALimit, StartOf(offenceDate), StartOf(CaseClocks.AlertFrom(offenceDate)), StartOf(limit.AddDays(1)), now);
    }

    public static ClockReading VictimUpdateClock(DateTimeOffset lastUpdateOrStart, int cadenceDays, DateTimeOffset now)
    {
        var due = lastUpdateOrStart.AddDays(cadenceDays);
        return Read(VictimUpdate, lastUpdateOrStart, due - VictimUpdateNear, due, now);
    }

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
