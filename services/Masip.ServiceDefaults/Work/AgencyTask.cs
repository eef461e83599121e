using System.Globalization;

namespace Masip.ServiceDefaults.Work;

/// <summary>
/// Work a meeting gave this agency (issue 18.2, 18.3): a decision it owns, or an action assigned
/// to one of its staff. <paramref name="Origin"/> says which; <paramref name="OriginId"/> is the
/// decision's or the action's id at the meetings service, <paramref name="MeetingId"/> the meeting.
/// <paramref name="Restricted"/>: a Griffin meeting's work, whose detail is griffin.restricted.
/// </summary>
public sealed record AgencyTaskOpened(
    Guid TaskId, string Origin, Guid OriginId, Guid MeetingId, string MeetingType, DateOnly MeetingDate, string ItemId, string Kind,
    Guid? CaseId, Guid? PerpetratorId, string? CrimeReference, string Detail, bool Restricted, string? Assignee, DateOnly? DueDate,
    DateTimeOffset OpenedAt);

/// <summary>Someone of this agency (the actor, <paramref name="CompletedBy"/>) completed the task.</summary>
public sealed record AgencyTaskCompleted(Guid TaskId, string Origin, Guid OriginId, string CompletedBy, DateTimeOffset CompletedAt);

/// <summary>A task from a meeting (inline snapshot: the read model of the agency's task list).</summary>
public sealed record AgencyTask(
    Guid Id,
    string Origin,
    Guid OriginId,
    Guid MeetingId,
    string MeetingType,
    DateOnly MeetingDate,
    string ItemId,
    string Kind,
    Guid? CaseId,
    Guid? PerpetratorId,
    string? CrimeReference,
    string Detail,
    bool Restricted,
    string? Assignee,
    DateOnly? DueDate,
    DateTimeOffset OpenedAt,
    bool Open,
    string? CompletedBy,
    DateTimeOffset? CompletedAt)
{
    public const string FromDecision = "decision";
    public const string FromAction = "action";

    /// <summary>The task's id: one per decision or action, whoever delivers it how often.</summary>
    public static Guid IdFor(string origin, Guid originId) => Persistence.DeterministicId.For("agency-task", originId, origin);

    /// <summary>The list order (due date, or the meeting's date for a decision without one, then id) as one sortable key.</summary>
    public string DueOrder => (DueDate ?? MeetingDate).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + Id.ToString("N");

    public bool IsOverdue(DateOnly today) => Open && DueDate is { } due && due < today;

    public static AgencyTask Create(AgencyTaskOpened e) => new(
        e.TaskId, e.Origin, e.OriginId, e.MeetingId, e.MeetingType, e.MeetingDate, e.ItemId, e.Kind, e.CaseId, e.PerpetratorId,
        e.CrimeReference, e.Detail, e.Restricted, e.Assignee, e.DueDate, e.OpenedAt, true, null, null);

    public AgencyTask Apply(AgencyTaskCompleted e) => this with { Open = false, CompletedBy = e.CompletedBy, CompletedAt = e.CompletedAt };
}
