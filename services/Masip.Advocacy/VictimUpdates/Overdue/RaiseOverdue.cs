namespace Masip.Advocacy.VictimUpdates.Overdue;

public static class RaiseOverdueDecision
{
    /// <summary>Once per task: an open task past its due time becomes overdue; done or already-raised tasks decide nothing.</summary>
    public static IReadOnlyList<object> Decide(VictimUpdateTask task, DateTimeOffset now) =>
        task.Status == UpdateTaskStatus.Open && !task.Overdue && now > task.DueAt
            ? [new VictimUpdateBecameOverdue(task.Id, task.CaseId, task.CrimeReference, task.Kind, task.DueAt, now)]
            : [];
}
