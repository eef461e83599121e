using Masip.ServiceDefaults.Messaging;
using Masip.ServiceDefaults.Persistence;

namespace Masip.Advocacy.VictimUpdates.OpeningTasks;

public sealed record OpenVictimUpdateTask(Guid TaskId, Guid CaseId, string CrimeReference, Guid? ReferralId, string Kind, string Summary, DateTimeOffset OccurredAt);

/// <summary>What applying one case event appends: to the case's news stream, and the new task's stream (both empty: ignored).</summary>
public sealed record TaskOpening(IReadOnlyList<object> NewsEvents, IReadOnlyList<object> TaskEvents)
{
    public static readonly TaskOpening Ignored = new([], []);

    public bool IsIgnored => TaskEvents.Count == 0;
}

public static class OpenVictimUpdateTaskDecision
{
    /// <summary>
    /// One police case event, one task: its id comes from the event's place in the police store
    /// (stream and version), or the message id when the message carries no position, so the same
    /// event delivered again finds the same task.
    /// </summary>
    public static Guid TaskIdFor(MessageSource source, Guid messageId) =>
        source == MessageSource.Unknown
            ? DeterministicId.For("victim-update-task", messageId, "message")
            : DeterministicId.For("victim-update-task", source.StreamId, source.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Victims' Code: the victim is updated on the case as it now stands. A case event older than
    /// one already applied for the same case (or the same one again) opens no task: the update
    /// owed for the newer decision covers it, and a late old event must not reopen what was done.
    /// A message without a position is applied (it cannot be placed) and moves no position; the
    /// same one again finds its task already opened.
    /// </summary>
    public static TaskOpening Decide(CaseNews? news, VictimUpdateTask? opened, OpenVictimUpdateTask command, MessageSource source,
        VictimUpdateOptions options, DateTimeOffset now)
    {
        var known = source != MessageSource.Unknown;
        if (opened is not null || known && news is not null && !source.IsNewerThan(news.LastSequence))
            return TaskOpening.Ignored;
        return new TaskOpening(
            [new PoliceCaseEventApplied(command.CaseId, known ? source.Sequence : null, command.TaskId, command.Kind, command.OccurredAt, now)],
            [new VictimUpdateTaskOpened(command.TaskId, command.CaseId, command.CrimeReference, command.ReferralId, command.Kind,
                command.Summary, command.OccurredAt, DueAt(command.Kind, command.OccurredAt, options), now)]);
    }

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
