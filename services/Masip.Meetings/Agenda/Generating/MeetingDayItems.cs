using Masip.Meetings.Calendar;

namespace Masip.Meetings.Agenda.Generating;

/// <summary>
/// One meeting day's agenda, as later agendas need it: the meeting's type, its day (ISO text, so
/// text order is date order) and the item ids of its current agenda version; nothing else (issue 15).
/// An inline snapshot of the meeting stream beside <see cref="Meeting"/>, written in the same
/// transaction as the agenda it mirrors, so a regenerated agenda replaces its ids at once and a
/// replay of the stream gives the same ids. The agenda inputs read these small rows (indexed by
/// type and day) to leave out, in the database, every candidate an earlier agenda of the same
/// type already carried, instead of loading the four weeks of candidates and whole meeting
/// documents and dropping them in memory.
/// </summary>
public sealed record MeetingDayItems(Guid Id, string Type, string Day, IReadOnlyList<string> ItemIds)
{
    public static string DayOf(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static MeetingDayItems Create(MeetingScheduled e) => new(e.MeetingId, e.Type, DayOf(e.Date), []);

    public MeetingDayItems Apply(AgendaGenerated e) => this with { ItemIds = [.. e.Items.Select(i => i.ItemId)] };
}
