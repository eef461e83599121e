using Grpc.Core;
using Marten;
using Masip.Contracts.Nhs;
using Masip.Contracts.Work;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Work;

namespace Masip.Nhs.Work;

/// <summary>The NHS's work from the meetings (decisions it owns, actions for its clinicians) its copy of the police's SPO events, and its copy of the orders restraining a person.</summary>
public sealed class NhsWorkGrpc(CommandPipeline pipeline, IQuerySession query, TimeProvider clock) : NhsWork.NhsWorkBase
{
    public override Task<TasksReply> ListTasks(ListTasksRequest request, ServerCallContext context) =>
        MeetingWork.List(query, request, Today, context.CancellationToken);

    public override Task<TaskReply> CompleteTask(CompleteTaskRequest request, ServerCallContext context) =>
        MeetingWork.Complete(pipeline, request, context, Today);

    public override Task<SpoEventsReply> ListSpoEvents(ListSpoEventsRequest request, ServerCallContext context) =>
        SpoEventCopies.List(query, request, context.CancellationToken);

    public override Task<OrderCopiesReply> ListOrders(ListOrderCopiesRequest request, ServerCallContext context) =>
        OrderCopies.List(query, request, context.CancellationToken);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

public sealed class MeetingDecisionConsumer(CommandPipeline p, ServiceIdentity s, ILogger<MeetingDecisionConsumer> l) : MeetingDecisionTaskConsumer(p, s, l);
public sealed class GriffinDecisionConsumer(CommandPipeline p, ServiceIdentity s, ILogger<GriffinDecisionConsumer> l) : GriffinDecisionTaskConsumer(p, s, l);
public sealed class MeetingActionConsumer(CommandPipeline p, ServiceIdentity s, ILogger<MeetingActionConsumer> l) : MeetingActionTaskConsumer(p, s, l);
public sealed class GriffinActionConsumer(CommandPipeline p, ServiceIdentity s, ILogger<GriffinActionConsumer> l) : GriffinActionTaskConsumer(p, s, l);
public sealed class SpoEventConsumer(CommandPipeline p, ServiceIdentity s, ILogger<SpoEventConsumer> l) : SpoEventCopyConsumer(p, s, l);
public sealed class OrderChangedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<OrderChangedConsumer> l) : OrderCopyConsumer(p, s, l);
