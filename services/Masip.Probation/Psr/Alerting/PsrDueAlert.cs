namespace Masip.Probation.Psr.Alerting;

/// <summary>Working days (Monday to Friday) strictly after <c>from</c> up to and including <c>to</c>; 0 when due or overdue.</summary>
public static class WorkingDays
{
    public static int Between(DateOnly from, DateOnly to)
    {
        var days = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                days++;
        return days;
    }
}

public static class PsrDueAlertDecision
{
    public const int WorkingDaysBefore = 3;

    /// <summary>An open consultation due within 3 working days (or overdue) raises one alert.</summary>
    public static IReadOnlyList<object> Decide(PsrConsultation? current, DateTimeOffset now)
    {
        if (current is null || !current.IsOpen || current.DueAlertRaisedAt is not null)
            return [];
        var left = WorkingDays.Between(DateOnly.FromDateTime(now.UtcDateTime), current.DueDate);
        return left <= WorkingDaysBefore
            ? [new PsrDueAlertRaised(current.Id, current.PerpetratorId, current.Court, current.DueDate, left, now)]
            : [];
    }
}
