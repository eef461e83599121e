using Masip.Meetings.Calendar.Scheduling;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Meetings.Actions.Completing;

public sealed record CompleteAction(Guid ActionId);

public static class CompleteActionDecision
{
    /// <summary>
    /// Only the owning agency (or the chair, recording it at the meeting) completes an action; the
    /// actor is recorded as who completed it. Completing it again decides nothing.
    /// </summary>
    public static IReadOnlyList<object> Decide(MeetingAction current, CompleteAction command, Actor actor, DateTimeOffset now)
    {
        if (actor.RoleKey != Attendees.ChairRole && current.OwnerAgency != actor.Agency)
            throw new RuleViolationException("action_id", $"the action is owned by {current.OwnerAgency}; only its owner completes it");
        return current.Open ? [new ActionCompleted(command.ActionId, actor.Subject, now)] : [];
    }
}
