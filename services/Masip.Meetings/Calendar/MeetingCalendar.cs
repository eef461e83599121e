namespace Masip.Meetings.Calendar;

/// <summary>
/// When meetings are held: the DMM every working day (Monday to Friday, except the configured
/// bank holidays), Griffin every <see cref="GriffinCadenceDays"/> days from <see cref="GriffinFirstDate"/>.
/// Configured under Masip:Meetings.
/// </summary>
public sealed class MeetingCalendar
{
    public int GriffinCadenceDays { get; set; } = 14;
    public DateOnly GriffinFirstDate { get; set; } = new(2026, 1, 6);
    public List<DateOnly> Holidays { get; set; } = [];

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(date);

    public bool IsGriffinDay(DateOnly date)
    {
        var days = date.DayNumber - GriffinFirstDate.DayNumber;
        return days >= 0 && days % Math.Max(1, GriffinCadenceDays) == 0;
    }

    public IEnumerable<DateOnly> Dates(string type, DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
            if (type == MeetingTypes.Dmm ? IsWorkingDay(d) : IsGriffinDay(d))
                yield return d;
    }
}
