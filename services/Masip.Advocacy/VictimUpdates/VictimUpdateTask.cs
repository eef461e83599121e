namespace Masip.Advocacy.VictimUpdates;

public enum UpdateTaskStatus { Open, Done }

/// <summary>A police case event the victim must hear about arrived: the victim is to be updated by DueAt.</summary>
public sealed record VictimUpdateTaskOpened(
    Guid TaskId, Guid CaseId, string CrimeReference, Guid? ReferralId, string Kind, string Summary, DateTimeOffset OccurredAt, DateTimeOffset DueAt, DateTimeOffset OpenedAt);

/// <summary>The advocate updated the victim (the contact that did it is on the referral).</summary>
public sealed record VictimUpdateGiven(Guid TaskId, Guid ReferralId, Guid ContactId, DateTimeOffset GivenAt);

/// <summary>The update was not given by its due time; raised once per task, published as VictimUpdateOverdueV1.</summary>
public sealed record VictimUpdateBecameOverdue(Guid TaskId, Guid CaseId, string CrimeReference, string Kind, DateTimeOffset DueAt, DateTimeOffset RaisedAt);

/// <summary>A "victim to be updated" task (Victims' Code: update after key decisions); inline snapshot.</summary>
public sealed record VictimUpdateTask(
    Guid Id,
    Guid CaseId,
    string CrimeReference,
    Guid? ReferralId,
    string Kind,
    string Summary,
    DateTimeOffset DueAt,
    UpdateTaskStatus Status,
    bool Overdue,
    DateTimeOffset OpenedAt)
{
    /// <summary>Earliest due first, after a page's last key: due_at is a duplicated column (VictimUpdatesModule).</summary>
    public const string AfterKeySql = "(d.due_at, d.id) > (?, ?)";

    public DateTimeOffset? DoneAt { get; init; }
    public Guid? ContactId { get; init; }

    public static VictimUpdateTask Create(VictimUpdateTaskOpened e) =>
        new(e.TaskId, e.CaseId, e.CrimeReference, e.ReferralId, e.Kind, e.Summary, e.DueAt, UpdateTaskStatus.Open, false, e.OpenedAt);

    public VictimUpdateTask Apply(VictimUpdateGiven e) => this with
    {
        Status = UpdateTaskStatus.Done, DoneAt = e.GivenAt, ContactId = e.ContactId, ReferralId = e.ReferralId,
    };

    public VictimUpdateTask Apply(VictimUpdateBecameOverdue e) => this with { Overdue = true };
}
