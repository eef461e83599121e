using Masip.Meetings.Calendar;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Meetings.Actions.Assigning;

/// <summary>An action for <paramref name="Assignee"/> of <paramref name="OwnerAgency"/>, on the chair's word.</summary>
public sealed record AssignAction(Guid ActionId, Guid MeetingId, string ItemId, string Description, string OwnerAgency, string Assignee, DateOnly DueDate);

public static class AssignActionDecision
{
    /// <summary>
    /// An action hangs on an item of the meeting's current agenda; idempotent by action id. The
    /// assignee is who will do it; the actor (the chair) is recorded as the one who assigned it.
    /// </summary>
    public static IReadOnlyList<object> Decide(MeetingAction? current, Meeting? meeting, AssignAction command, Actor actor, DateTimeOffset now)
    {
        if (meeting is null)
            throw NotFound.For<Meeting>("meeting_id", command.MeetingId);
        var item = meeting.Agenda.FirstOrDefault(i => i.ItemId == command.ItemId)
            ?? throw new RuleViolationException("item_id", $"item {command.ItemId} is not on the meeting's agenda (version {meeting.AgendaVersion})");
        if (meeting.Type == MeetingTypes.Griffin && command.OwnerAgency == "advocacy")
            throw new RuleViolationException("owner_agency", "a Griffin action cannot be owned by advocacy");
        if (current is null)
            return [new ActionAssigned(command.ActionId, command.MeetingId, meeting.Type, meeting.Date, command.ItemId, command.Description,
                command.OwnerAgency, command.Assignee, command.DueDate, actor.Subject, now, item.CaseId, item.PerpetratorId, item.CrimeReference)];
        var same = current.MeetingId == command.MeetingId && current.ItemId == command.ItemId && current.Description == command.Description
            && current.OwnerAgency == command.OwnerAgency && current.Assignee == command.Assignee && current.DueDate == command.DueDate;
        return same ? [] : throw new DuplicateRecordException("action_id", "a different action already has this id");
    }
}
