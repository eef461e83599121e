using Grpc.Core;
using Masip.Meetings.Calendar;
using Masip.Meetings.Calendar.Scheduling;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Identity;
using Masip.ServiceDefaults.Sharing;

namespace Masip.Meetings.Agenda.Views;

/// <summary>
/// Whose view of an agenda a call gets (issue 12.6, "views are the caller's own"): the caller's
/// own, from the token. Only the meeting chair may preview another attendee's view (to check
/// what each will be shown, or to print their pack), and never one broader than the chair's own.
/// Anyone else who names a view other than their own is refused (PermissionDenied), rather than
/// silently given their own: a client asking for another role's view should learn it may not.
/// </summary>
public static class Viewers
{
    /// <summary>The role key of the view to render ("advocacy/advocate"), or PermissionDenied / a field error.</summary>
    public static string Resolve(Meeting meeting, Caller caller, string? attendeeAgency, string? attendeeRole, SharingAgreement agreement)
    {
        var agency = string.IsNullOrWhiteSpace(attendeeAgency) ? null : attendeeAgency.Trim().ToLowerInvariant();
        var role = string.IsNullOrWhiteSpace(attendeeRole) ? null : attendeeRole.Trim().ToLowerInvariant();
        if ((agency is null && role is null) || $"{agency}/{role}" == caller.RoleKey)
            return Own(meeting, caller);

        if (caller.RoleKey != Attendees.ChairRole)
            throw Denied("attendee_role", $"a view is the caller's own ({caller.RoleKey}); only the meeting chair may preview another attendee's view");
        var a = Require.OneOf(agency, "attendee_agency", Attendees.Agencies);
        var r = Require.Text(role, "attendee_role");
        if (!Attendees.RolesByAgency[a].Contains(r))
            throw new InvalidFieldException("attendee_role", $"{a} has no role '{r}' at meetings");
        if (meeting.Type == MeetingTypes.Griffin && a == "advocacy")
            throw new RuleViolationException("attendee_agency", "the Griffin meeting has no advocacy attendee");
        var viewer = $"{a}/{r}";
        var broader = agreement.Classes.Keys.Order(StringComparer.Ordinal)
            .Where(c => agreement.MaySee(viewer, c, meeting.Type, victimConsented: true)
                && !agreement.MaySee(caller.RoleKey, c, meeting.Type, victimConsented: true))
            .ToList();
        if (broader.Count > 0)
            throw Denied("attendee_role", $"the {viewer} view of a {meeting.Type} meeting would show {string.Join(", ", broader)}, which the chair's own view does not");
        return viewer;
    }

    /// <summary>The caller's own view: an agency the meeting admits (no advocate at Griffin, DOMAIN.md).</summary>
    public static string Own(Meeting meeting, Caller caller)
    {
        if (meeting.Type == MeetingTypes.Griffin && caller.Agency == "advocacy")
            throw Denied("meeting_id", "the Griffin meeting is police, probation and NHS only; advocacy has no view of it");
        return caller.RoleKey;
    }

    private static RpcException Denied(string field, string message) => new(new Status(StatusCode.PermissionDenied, $"{field}: {message}"));
}
