using Masip.Meetings.Agenda;

namespace Masip.Meetings.Calendar;

public sealed record Attendee(string Agency, string Role, string Person)
{
    public string RoleKey => $"{Agency}/{Role}";
}

public sealed record MeetingScheduled(Guid MeetingId, string Type, DateOnly Date, string Chair, IReadOnlyList<Attendee> Attendees, DateTimeOffset ScheduledAt);

public sealed record AttendeeAdded(Guid MeetingId, Attendee Attendee, DateTimeOffset AddedAt);

/// <summary>A version of the agenda; a new version only when its inputs changed (Fingerprint).</summary>
public sealed record AgendaGenerated(Guid MeetingId, int Version, string Fingerprint, IReadOnlyList<AgendaItem> Items, DateTimeOffset GeneratedAt);

public sealed record AttendanceRecorded(Guid MeetingId, string Person, bool Present, DateTimeOffset RecordedAt);

public sealed record DiscussionRecorded(Guid MeetingId, string ItemId, string Summary, DateTimeOffset RecordedAt);

public sealed record DecisionRecorded(
    Guid MeetingId, Guid DecisionId, string MeetingType, DateOnly MeetingDate, string ItemId, string Kind, string OwnerAgency,
    Guid? CaseId, Guid? PerpetratorId, string? CrimeReference, int? NewTier, string Detail, string DecidedBy, DateTimeOffset DecidedAt);

public sealed record AttendanceEntry(string Person, bool Present);

public sealed record Discussion(string ItemId, string Summary);

public sealed record Decision(Guid DecisionId, string ItemId, string Kind, string OwnerAgency, int? NewTier, string Detail, DateTimeOffset DecidedAt);

/// <summary>A DMM or Griffin meeting: its attendees, current agenda version and minutes (inline snapshot).</summary>
public sealed record Meeting(
    Guid Id,
    string Type,
    DateOnly Date,
    string Chair,
    IReadOnlyList<Attendee> Attendees,
    int AgendaVersion,
    string? AgendaFingerprint,
    IReadOnlyList<AgendaItem> Agenda,
    IReadOnlyList<AttendanceEntry> Attendance,
    IReadOnlyList<Discussion> Discussions,
    IReadOnlyList<Decision> Decisions)
{
    public static Meeting Create(MeetingScheduled e) =>
        new(e.MeetingId, e.Type, e.Date, e.Chair, e.Attendees, 0, null, [], [], [], []);

    public Meeting Apply(AttendeeAdded e) => this with { Attendees = [.. Attendees, e.Attendee] };

    public Meeting Apply(AgendaGenerated e) =>
        this with { AgendaVersion = e.Version, AgendaFingerprint = e.Fingerprint, Agenda = e.Items };

    public Meeting Apply(AttendanceRecorded e) =>
        this with { Attendance = [.. Attendance.Where(a => a.Person != e.Person), new AttendanceEntry(e.Person, e.Present)] };

    public Meeting Apply(DiscussionRecorded e) =>
        this with { Discussions = [.. Discussions.Where(d => d.ItemId != e.ItemId), new Discussion(e.ItemId, e.Summary)] };

    public Meeting Apply(DecisionRecorded e) =>
        this with { Decisions = [.. Decisions, new Decision(e.DecisionId, e.ItemId, e.Kind, e.OwnerAgency, e.NewTier, e.Detail, e.DecidedAt)] };
}

public static class MeetingTypes
{
    public const string Dmm = "dmm";
    public const string Griffin = "griffin";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        [Dmm] = Dmm,
        [Griffin] = Griffin,
    };
}
