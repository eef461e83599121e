namespace Masip.Contracts.Messages;

/// <summary>
/// The chair assigned an action at a DMM to a named assignee of <paramref name="OwnerAgency"/>
/// (issue 18.3): the owning agency's service opens it as a task with its due date. Every agency
/// that attends the DMM receives it and keeps only the actions it owns.
/// </summary>
[ReceivedBy("police", "probation", "nhs", "advocacy")]
public sealed record MeetingActionAssignedV1(
    [DataClass("record.meta"), Subject("action")] Guid ActionId,
    [DataClass("record.meta")] Guid MeetingId,
    [DataClass("record.meta")] DateOnly MeetingDate,
    [DataClass("record.meta")] string ItemId,
    [DataClass("record.meta")] string OwnerAgency,
    [DataClass("record.meta"), Subject("case")] Guid? CaseId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid? PerpetratorId,
    [DataClass("record.meta")] string? CrimeReference,
    [DataClass("case.summary"), ServedAs("masip.meetings.ActionReply.description"), ServedAs("masip.work.TaskReply.detail")] string Description,
    [DataClass("officer.identity"), ServedAs("masip.meetings.ActionReply.assignee"), ServedAs("masip.work.TaskReply.assignee")] string Assignee,
    [DataClass("record.meta")] DateOnly DueDate,
    [DataClass("record.meta")] DateTimeOffset AssignedAt);

/// <summary>An action of the Operation Griffin meeting: police, probation and NHS only, so its description may be Griffin-restricted.</summary>
[ReceivedBy("police", "probation", "nhs")]
public sealed record GriffinActionAssignedV1(
    [DataClass("record.meta"), Subject("action")] Guid ActionId,
    [DataClass("record.meta")] Guid MeetingId,
    [DataClass("record.meta")] DateOnly MeetingDate,
    [DataClass("record.meta")] string ItemId,
    [DataClass("record.meta")] string OwnerAgency,
    [DataClass("record.meta"), Subject("case")] Guid? CaseId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid? PerpetratorId,
    [DataClass("record.meta")] string? CrimeReference,
    [DataClass("griffin.restricted"), ServedAs("masip.meetings.ActionReply.griffin_description"), ServedAs("masip.work.TaskReply.griffin_detail")] string Description,
    [DataClass("officer.identity"), ServedAs("masip.meetings.ActionReply.assignee"), ServedAs("masip.work.TaskReply.assignee")] string Assignee,
    [DataClass("record.meta")] DateOnly DueDate,
    [DataClass("record.meta")] DateTimeOffset AssignedAt);

/// <summary>
/// The owning agency completed a meeting's action (its task): the meetings service closes the
/// action, so it drops off the next agenda.
/// </summary>
[ReceivedBy("meetings")]
public sealed record MeetingActionCompletedV1(
    [DataClass("record.meta"), Subject("action")] Guid ActionId,
    [DataClass("record.meta")] string Agency,
    [DataClass("officer.identity"), ServedAs("masip.work.TaskReply.completed_by"), ServedAs("masip.meetings.ActionReply.completed_by")] string CompletedBy,
    [DataClass("record.meta")] DateTimeOffset CompletedAt);
