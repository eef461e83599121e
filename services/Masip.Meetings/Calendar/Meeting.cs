using Masip.Meetings.Agenda;

namespace Masip.Meetings.Calendar;

public sealed record Attendee(string Agency, string Role, string Person)
{
    public string RoleKey => $"{Agency}/{Role}";
}

/// <summary>The meeting was scheduled by <paramref name="ScheduledBy"/> (the caller), to be chaired by <paramref name="Chair"/>.</summary>
public sealed record MeetingScheduled(
    Guid MeetingId, string Type, DateOnly Date, string Chair, IReadOnlyList<Attendee> Attendees, string ScheduledBy, DateTimeOffset ScheduledAt);

public sealed record AttendeeAdded(Guid MeetingId, Attendee Attendee, DateTimeOffset AddedAt);

/// <summary>The chair set how many items of one kind the agenda view shows one by one (issue 14.6).</summary>
public sealed record AgendaGroupingSet(Guid MeetingId, int GroupThreshold, string SetBy, DateTimeOffset SetAt);

/// <summary>A version of the agenda; a new version only when its inputs changed (Fingerprint).</summary>
public sealed record AgendaGenerated(Guid MeetingId, int Version, string Fingerprint, IReadOnlyList<AgendaItem> Items, DateTimeOffset GeneratedAt);

public sealed record AttendanceRecorded(Guid MeetingId, string Person, bool Present, DateTimeOffset RecordedAt);

public sealed record DiscussionRecorded(Guid MeetingId, string ItemId, string Summary, DateTimeOffset RecordedAt);

public sealed record DecisionRecorded(
    Guid MeetingId, Guid DecisionId, string MeetingType, DateOnly MeetingDate, string ItemId, string Kind, string OwnerAgency,
    Guid? CaseId, Guid? PerpetratorId, string? CrimeReference, int? NewTier, string Detail, string DecidedBy, DateTimeOffset DecidedAt);

public sealed record AttendanceEntry(string Person, bool Present);

public sealed record Discussion(string ItemId, string Summary);

public sealed record Decision(Guid DecisionId, string ItemId, string Kind, string OwnerAgency, int? NewTier, string Detail, DateTimeOffset DecidedAt, string? DecidedBy = null);

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
    IReadOnlyList<Decision> Decisions,
    string? ScheduledBy = null,
    int? GroupThreshold = null)
{
    /// <summary>
    /// Beyond this many items of one kind, a view groups them (the chair may change it per
    /// meeting). 20: a usual morning's newly tiered cases (about 18 s4A reviews a working day,
    /// DOMAIN.md) stay one by one; a backlog (3,000 pending referrals) does not bury the agenda.
    /// </summary>
    public const int DefaultGroupThreshold = 20;

    public int GroupThresholdOrDefault => GroupThreshold ?? DefaultGroupThreshold;

    public static Meeting Create(MeetingScheduled e) =>
        new(e.MeetingId, e.Type, e.Date, e.Chair, e.Attendees, 0, null, [], [], [], [], e.ScheduledBy);

    public Meeting Apply(AgendaGroupingSet e) => this with { GroupThreshold = e.GroupThreshold };

    public Meeting Apply(AttendeeAdded e) => this with { Attendees = [.. Attendees, e.Attendee] };

    public Meeting Apply(AgendaGenerated e) =>
        this with { AgendaVersion = e.Version, AgendaFingerprint = e.Fingerprint, Agenda = e.Items };

    public Meeting Apply(AttendanceRecorded e) =>
        this with { Attendance = [.. Attendance.Where(a => a.Person != e.Person), new AttendanceEntry(e.Person, e.Present)] };

    public Meeting Apply(DiscussionRecorded e) =>
        this with { Discussions = [.. Discussions.Where(d => d.ItemId != e.ItemId), new Discussion(e.ItemId, e.Summary)] };

    public Meeting Apply(DecisionRecorded e) =>
        this with { Decisions = [.. Decisions, new Decision(e.DecisionId, e.ItemId, e.Kind, e.OwnerAgency, e.NewTier, e.Detail, e.DecidedAt, e.DecidedBy)] };
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
