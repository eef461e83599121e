using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Meetings.Calendar.Scheduling;

/// <summary>Schedule a meeting; <paramref name="Chair"/> null: the caller chairs it.</summary>
public sealed record ScheduleMeeting(Guid MeetingId, string Type, DateOnly Date, string? Chair, IReadOnlyList<Attendee> Attendees);

public sealed record AddAttendee(Guid MeetingId, Attendee Attendee);

public static class Attendees
{
    /// <summary>The role that runs a meeting: generates its agenda, records its decisions, previews any attendee's view.</summary>
    public const string ChairRole = "police/meeting-chair";

    /// <summary>The roles that may attend, by agency (DOMAIN.md: advocates attend the DMM, never Griffin).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> RolesByAgency = new Dictionary<string, IReadOnlySet<string>>
    {
        ["police"] = new HashSet<string> { "stac-officer", "meeting-chair" },
        ["probation"] = new HashSet<string> { "probation-officer" },
        ["nhs"] = new HashSet<string> { "clinician" },
        ["advocacy"] = new HashSet<string> { "advocate" },
    };

    public static readonly IReadOnlyDictionary<string, string> Agencies = RolesByAgency.Keys.ToDictionary(k => k, k => k);

    /// <summary>Validates one attendee; <paramref name="field"/> is its path in the request ("attendees[2]").</summary>
    public static Attendee Validate(string? agency, string? role, string? person, string field)
    {
        var a = Require.OneOf(agency, $"{field}.agency", Agencies);
        var r = Require.Text(role, $"{field}.role");
        if (!RolesByAgency[a].Contains(r))
            throw new InvalidFieldException($"{field}.role", $"{a} has no role '{r}' at meetings");
        return new Attendee(a, r, Require.Text(person, $"{field}.person"));
    }

    public static void CheckAllowedAt(string meetingType, Attendee attendee, string field)
    {
        if (meetingType == MeetingTypes.Griffin && attendee.Agency == "advocacy")
            throw new RuleViolationException($"{field}.agency", "the Griffin meeting is police, probation and NHS only; advocacy may not attend");
    }
}

public static class ScheduleMeetingDecision
{
    /// <summary>
    /// Idempotent by meeting id: the same meeting again decides nothing, a different one under
    /// the same id is refused. A DMM is held on working days only; Griffin has no advocate. The
    /// caller chairs the meeting unless the command names the chair; either way the caller is
    /// recorded as the one who scheduled it.
    /// </summary>
    public static IReadOnlyList<object> Decide(Meeting? current, ScheduleMeeting command, MeetingCalendar calendar, Actor actor, DateTimeOffset now)
    {
        for (var i = 0; i < command.Attendees.Count; i++)
            Attendees.CheckAllowedAt(command.Type, command.Attendees[i], $"attendees[{i}]");
        if (command.Type == MeetingTypes.Dmm && !calendar.IsWorkingDay(command.Date))
            throw new RuleViolationException("date", $"{command.Date:yyyy-MM-dd} is not a working day; the DMM meets on working days");

        var chair = command.Chair ?? actor.Subject;
        if (current is null)
            return [new MeetingScheduled(command.MeetingId, command.Type, command.Date, chair, command.Attendees, actor.Subject, now)];
        var same = current.Type == command.Type && current.Date == command.Date && current.Chair == chair
            && current.Attendees.Take(command.Attendees.Count).SequenceEqual(command.Attendees);
        return same ? [] : throw new DuplicateRecordException("meeting_id", "a different meeting already has this id");
    }
}

public static class AddAttendeeDecision
{
    public static IReadOnlyList<object> Decide(Meeting meeting, AddAttendee command, DateTimeOffset now)
    {
        Attendees.CheckAllowedAt(meeting.Type, command.Attendee, "attendee");
        return meeting.Attendees.Contains(command.Attendee)
            ? []
            : [new AttendeeAdded(command.MeetingId, command.Attendee, now)];
    }
}
