namespace Masip.Advocacy.VictimUpdates.OpeningTasks;

public sealed record OpenVictimUpdateTask(Guid TaskId, Guid CaseId, string CrimeReference, Guid? ReferralId, string Kind, string Summary, DateTimeOffset OccurredAt);

public static class OpenVictimUpdateTaskDecision
{
    public static IReadOnlyList<object> Decide(OpenVictimUpdateTask command, VictimUpdateOptions options, DateTimeOffset now) =>
        [new VictimUpdateTaskOpened(command.TaskId, command.CaseId, command.CrimeReference, command.ReferralId, command.Kind,
            command.Summary, command.OccurredAt, DueAt(command.Kind, command.OccurredAt, options), now)];

    /// <summary>The clock runs from the police decision, in working days (Monday to Friday; bank holidays are not modelled).</summary>
    public static DateTimeOffset DueAt(string kind, DateTimeOffset occurredAt, VictimUpdateOptions options)
    {
        if (options.DueAfter is { } fixedDelay)
            return occurredAt + fixedDelay;
        var days = options.WorkingDaysByKind.TryGetValue(kind, out var configured) ? configured : options.DefaultWorkingDays;
        var due = occurredAt;
        while (days > 0)
        {
            due = due.AddDays(1);
            if (due.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                days--;
        }
        return due;
    }
}
