namespace Masip.Meetings.Actions;

public sealed record ActionAssigned(
    Guid ActionId, Guid MeetingId, string MeetingType, DateOnly MeetingDate, string ItemId, string Description,
    string OwnerAgency, string OwnerPerson, DateOnly DueDate, DateTimeOffset AssignedAt);

public sealed record ActionCompleted(Guid ActionId, string CompletedBy, DateTimeOffset CompletedAt);

/// <summary>An action from a meeting, owned by one agency and person (inline snapshot: the read model).</summary>
public sealed record MeetingAction(
    Guid Id,
    Guid MeetingId,
    string MeetingType,
    DateOnly MeetingDate,
    string ItemId,
    string Description,
    string OwnerAgency,
    string OwnerPerson,
    DateOnly DueDate,
    bool Open,
    DateTimeOffset? CompletedAt)
{
    public static MeetingAction Create(ActionAssigned e) => new(
        e.ActionId, e.MeetingId, e.MeetingType, e.MeetingDate, e.ItemId, e.Description, e.OwnerAgency, e.OwnerPerson, e.DueDate, true, null);

    public MeetingAction Apply(ActionCompleted e) => this with { Open = false, CompletedAt = e.CompletedAt };
}
