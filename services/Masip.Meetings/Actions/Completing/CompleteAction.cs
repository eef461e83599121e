using Masip.ServiceDefaults.Errors;

namespace Masip.Meetings.Actions.Completing;

/// <summary>Completion by <paramref name="ByAgency"/>/<paramref name="ByPerson"/> (the caller).</summary>
public sealed record CompleteAction(Guid ActionId, string ByAgency, string ByPerson, bool ByChair);

public static class CompleteActionDecision
{
    /// <summary>Only the owning agency (or the chair, recording it at the meeting) completes an action; again: nothing.</summary>
    public static IReadOnlyList<object> Decide(MeetingAction? current, CompleteAction command, DateTimeOffset now)
    {
        if (current is null)
            throw new RecordNotFoundException("action_id", $"no action {command.ActionId}");
        if (!command.ByChair && current.OwnerAgency != command.ByAgency)
            throw new RuleViolationException("action_id", $"the action is owned by {current.OwnerAgency}; only its owner completes it");
        return current.Open ? [new ActionCompleted(command.ActionId, command.ByPerson, now)] : [];
    }
}
