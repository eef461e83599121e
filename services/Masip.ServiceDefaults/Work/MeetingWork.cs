using Grpc.Core;
using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.Contracts.Work;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;
using Masip.ServiceDefaults.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Masip.ServiceDefaults.Work;

/// <summary>
/// The work meetings give an agency (issue 18.2, 18.3), the same in every agency's service: a
/// decision it owns, or an action assigned to its staff, becomes a task on its list (linked to
/// the meeting and the decision or action); completing an action's task sends the completion
/// back to the meetings service. One task per decision or action (a deterministic id), opened
/// once: a redelivered message opens nothing new, and since a decision or an action is one fact
/// that no later message changes, the order messages arrive in does not matter.
/// </summary>
public static class MeetingWork
{
    /// <summary>Decisions that become no task: nothing to do, or work the owner's service does itself.</summary>
    public static readonly IReadOnlySet<string> NoTask = new HashSet<string> { "no-further-action" };

    public static IServiceCollection AddMeetingWork(this IServiceCollection services, string agency)
    {
        services.ConfigureMarten(store =>
        {
            store.Projections.Snapshot<AgencyTask>(SnapshotLifecycle.Inline);
            store.Schema.For<AgencyTask>().Index(t => t.Open).Duplicate(t => t.DueOrder);
        });
        services.PublishIntegrationEvent<AgencyTaskCompleted>(e => e.Origin == AgencyTask.FromAction
            ? new MeetingActionCompletedV1(e.OriginId, agency, e.CompletedBy, e.CompletedAt)
            : null);
        return services;
    }

    public static AgencyTaskOpened Decision(Guid decisionId, Guid meetingId, string meetingType, DateOnly meetingDate, string itemId, string kind,
        Guid? caseId, Guid? perpetratorId, string? crimeReference, string detail, DateTimeOffset now) =>
        new(AgencyTask.IdFor(AgencyTask.FromDecision, decisionId), AgencyTask.FromDecision, decisionId, meetingId, meetingType, meetingDate,
            itemId, kind, caseId, perpetratorId, crimeReference, detail, meetingType == "griffin", null, null, now);

    public static AgencyTaskOpened Action(Guid actionId, Guid meetingId, string meetingType, DateOnly meetingDate, string itemId,
        Guid? caseId, Guid? perpetratorId, string? crimeReference, string description, string assignee, DateOnly dueDate, DateTimeOffset now) =>
        new(AgencyTask.IdFor(AgencyTask.FromAction, actionId), AgencyTask.FromAction, actionId, meetingId, meetingType, meetingDate,
            itemId, "action", caseId, perpetratorId, crimeReference, description, meetingType == "griffin", assignee, dueDate, now);

    /// <summary>Opens the task if <paramref name="owner"/> is this agency and it is not open yet (ids only in the log).</summary>
    public static async Task Open(CommandScope scope, string agency, string owner, AgencyTaskOpened task, ILogger logger)
    {
        if (owner != agency)
            return;
        var stream = await scope.Stream<AgencyTask>(task.TaskId);
        if (stream.Aggregate is not null)
            return;
        stream.AppendOne(task);
        logger.LogInformation("Task {TaskId} opened from {Origin} {OriginId} of meeting {MeetingId}", task.TaskId, task.Origin, task.OriginId, task.MeetingId);
    }

    /// <summary>The agency's tasks, soonest due first, then by id (keyset: the token is the last task's place in that order).</summary>
    public static async Task<TasksReply> List(IQuerySession query, ListTasksRequest request, DateOnly today, CancellationToken ct)
    {
        var size = Paging.Size(request.Page);
        var after = Paging.After(request.Page);
        if (after is not null && (after.Length != 40 || !after.All(char.IsAsciiHexDigitLower)))
            throw new InvalidFieldException("page.page_token", "is not a token this service gave");
        var tasks = query.Query<AgencyTask>().Where(t => request.IncludeCompleted || t.Open);
        var total = await tasks.CountAsync(ct);
        var page = after is null ? tasks : tasks.Where(t => t.DueOrder.CompareTo(after) > 0);
        var found = await page.OrderBy(t => t.DueOrder).Take(size + 1).ToListAsync(ct);
        var reply = new TasksReply { Page = Paging.Info(found.Count > size ? found[size - 1].DueOrder : null, total) };
        reply.Tasks.AddRange(found.Take(size).Select(t => ToReply(t, today)));
        return reply;
    }

    /// <summary>Completes a task of this agency as the caller; completing it again changes nothing.</summary>
    public static Task<TaskReply> Complete(CommandPipeline pipeline, CompleteTaskRequest request, ServerCallContext context, DateOnly today)
    {
        var id = Require.Id(request.TaskId, "task_id");
        return pipeline.OnStream<AgencyTask, TaskReply>(context, id, "task_id",
            (task, scope) => task.Open ? [new AgencyTaskCompleted(task.Id, task.Origin, task.OriginId, scope.Actor.Subject, scope.Now)] : [],
            task => ToReply(task, today));
    }

    public static TaskReply ToReply(AgencyTask t, DateOnly today) => new()
    {
        TaskId = t.Id.ToString(),
        Origin = t.Origin,
        OriginId = t.OriginId.ToString(),
        MeetingId = t.MeetingId.ToString(),
        MeetingType = t.MeetingType,
        MeetingDate = Formats.Date(t.MeetingDate),
        ItemId = t.ItemId,
        Kind = t.Kind,
        CaseId = t.CaseId?.ToString() ?? "",
        PerpetratorId = t.PerpetratorId?.ToString() ?? "",
        CrimeReference = t.CrimeReference ?? "",
        Detail = t.Restricted ? "" : t.Detail,
        GriffinDetail = t.Restricted ? t.Detail : "",
        Assignee = t.Assignee ?? "",
        DueDate = t.DueDate is { } due ? Formats.Date(due) : "",
        Status = t.Open ? "open" : "completed",
        Overdue = t.IsOverdue(today),
        CompletedBy = t.CompletedBy ?? "",
        CompletedAt = t.CompletedAt is { } at ? Formats.Instant(at) : "",
    };
}

/// <summary>A DMM decision this agency owns becomes its task (a service with more to do for some kinds overrides <see cref="Handle"/>).</summary>
public abstract class MeetingDecisionTaskConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger logger)
    : InboxConsumer<MeetingDecisionRecordedV1>(pipeline, service, logger)
{
    protected override Task Handle(MeetingDecisionRecordedV1 m, CommandScope scope, ConsumeContext<MeetingDecisionRecordedV1> context) =>
        MeetingWork.NoTask.Contains(m.Kind) ? Task.CompletedTask : MeetingWork.Open(scope, ServiceName, m.OwnerAgency,
            MeetingWork.Decision(m.DecisionId, m.MeetingId, "dmm", m.MeetingDate, m.ItemId, m.Kind, m.CaseId, m.PerpetratorId,
                m.CrimeReference, m.Detail, scope.Now), Logger);
}

/// <summary>A Griffin meeting's decision (or a DMM's nomination to Griffin) this agency owns becomes its task.</summary>
public abstract class GriffinDecisionTaskConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger logger)
    : InboxConsumer<GriffinDecisionRecordedV1>(pipeline, service, logger)
{
    protected override Task Handle(GriffinDecisionRecordedV1 m, CommandScope scope, ConsumeContext<GriffinDecisionRecordedV1> context) =>
        MeetingWork.NoTask.Contains(m.Kind) ? Task.CompletedTask : MeetingWork.Open(scope, ServiceName, m.OwnerAgency,
            MeetingWork.Decision(m.DecisionId, m.MeetingId, "griffin", m.MeetingDate, m.ItemId, m.Kind, m.CaseId, m.PerpetratorId,
                m.CrimeReference, m.Detail, scope.Now), Logger);
}

/// <summary>A DMM action assigned to this agency's staff becomes its task with the action's due date.</summary>
public abstract class MeetingActionTaskConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger logger)
    : InboxConsumer<MeetingActionAssignedV1>(pipeline, service, logger)
{
    protected override Task Handle(MeetingActionAssignedV1 m, CommandScope scope, ConsumeContext<MeetingActionAssignedV1> context) =>
        MeetingWork.Open(scope, ServiceName, m.OwnerAgency, MeetingWork.Action(m.ActionId, m.MeetingId, "dmm", m.MeetingDate, m.ItemId,
            m.CaseId, m.PerpetratorId, m.CrimeReference, m.Description, m.Assignee, m.DueDate, scope.Now), Logger);
}

/// <summary>A Griffin meeting's action assigned to this agency's staff becomes its task.</summary>
public abstract class GriffinActionTaskConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger logger)
    : InboxConsumer<GriffinActionAssignedV1>(pipeline, service, logger)
{
    protected override Task Handle(GriffinActionAssignedV1 m, CommandScope scope, ConsumeContext<GriffinActionAssignedV1> context) =>
        MeetingWork.Open(scope, ServiceName, m.OwnerAgency, MeetingWork.Action(m.ActionId, m.MeetingId, "griffin", m.MeetingDate, m.ItemId,
            m.CaseId, m.PerpetratorId, m.CrimeReference, m.Description, m.Assignee, m.DueDate, scope.Now), Logger);
}
