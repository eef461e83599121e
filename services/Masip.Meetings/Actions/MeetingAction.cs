using System.Globalization;

namespace Masip.Meetings.Actions;

/// <summary>
/// The chair (<paramref name="AssignedBy"/>, the caller) assigned an action at the meeting to
/// <paramref name="Assignee"/> of <paramref name="OwnerAgency"/>, the agency that owns it.
/// </summary>
public sealed record ActionAssigned(
    Guid ActionId, Guid MeetingId, string MeetingType, DateOnly MeetingDate, string ItemId, string Description,
    string OwnerAgency, string Assignee, DateOnly DueDate, string AssignedBy, DateTimeOffset AssignedAt,
    Guid? CaseId = null, Guid? PerpetratorId = null, string? CrimeReference = null);

public sealed record ActionCompleted(Guid ActionId, string CompletedBy, DateTimeOffset CompletedAt);

/// <summary>An action from a meeting, owned by one agency and assigned to one person in it (inline snapshot: the read model).</summary>
public sealed record MeetingAction(
    Guid Id,
    Guid MeetingId,
    string MeetingType,
    DateOnly MeetingDate,
    string ItemId,
    string Description,
    string OwnerAgency,
    string Assignee,
    DateOnly DueDate,
    bool Open,
    DateTimeOffset? CompletedAt,
    string? AssignedBy = null,
    string? CompletedBy = null)
{
    /// <summary>The list order (due date, then id) as one sortable key: the keyset of ListOpenActions.</summary>
    public string DueOrder => OrderKey(DueDate, Id);

    public static string OrderKey(DateOnly dueDate, Guid id) => dueDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + id.ToString("N");

    public static MeetingAction Create(ActionAssigned e) => new(
        e.ActionId, e.MeetingId, e.MeetingType, e.MeetingDate, e.ItemId, e.Description, e.OwnerAgency, e.Assignee, e.DueDate, true, null, e.AssignedBy);

    public MeetingAction Apply(ActionCompleted e) => this with { Open = false, CompletedAt = e.CompletedAt, CompletedBy = e.CompletedBy };
}
