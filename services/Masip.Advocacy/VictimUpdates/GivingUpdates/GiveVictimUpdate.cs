using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.VictimUpdates.GivingUpdates;

/// <summary>Logging a contact that names a task completes it: the update was given by that contact.</summary>
public static class GiveVictimUpdateDecision
{
    public static IReadOnlyList<object> Decide(VictimUpdateTask task, Guid referralId, Guid contactId, DateTimeOffset now)
    {
        if (task.Status == UpdateTaskStatus.Done)
            throw new RuleViolationException("task_id", $"the task was already completed at {task.DoneAt:O}");
        if (task.ReferralId is { } owner && owner != referralId)
            throw new RuleViolationException("task_id", $"the task belongs to referral {owner}, not {referralId}");
        return [new VictimUpdateGiven(task.Id, referralId, contactId, now)];
    }
}
