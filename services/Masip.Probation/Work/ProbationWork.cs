using Grpc.Core;
using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.Contracts.Probation;
using Masip.Contracts.Work;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Work;

namespace Masip.Probation.Work;

/// <summary>Probation's work from the meetings (decisions it owns, actions for its officers) its copy of the police's SPO events, and its copy of the orders restraining a person.</summary>
public sealed class ProbationWorkGrpc(CommandPipeline pipeline, IQuerySession query, TimeProvider clock) : ProbationWork.ProbationWorkBase
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

/// <summary>A DMM decision probation owns: a referral to the NHS is made (ProbationDecisionWork); anything else is a task.</summary>
public sealed class MeetingDecisionConsumer(CommandPipeline p, ServiceIdentity s, ILogger<MeetingDecisionConsumer> l) : MeetingDecisionTaskConsumer(p, s, l)
{
    protected override async Task Handle(MeetingDecisionRecordedV1 m, CommandScope scope, ConsumeContext<MeetingDecisionRecordedV1> context)
    {
        if (m.OwnerAgency == ProbationHost.Name && m.Kind == ProbationDecisionWork.ReferToNhs
            && await ProbationDecisionWork.TryReferToNhs(scope, m.DecisionId, m.CaseId, m.PerpetratorId, "dmm", m.MeetingDate, m.Detail, m.DecidedBy, m.DecidedAt, Logger))
            return;
        await base.Handle(m, scope, context);
    }
}

public sealed class GriffinDecisionConsumer(CommandPipeline p, ServiceIdentity s, ILogger<GriffinDecisionConsumer> l) : GriffinDecisionTaskConsumer(p, s, l)
{
    protected override async Task Handle(GriffinDecisionRecordedV1 m, CommandScope scope, ConsumeContext<GriffinDecisionRecordedV1> context)
    {
        if (m.OwnerAgency == ProbationHost.Name && m.Kind == ProbationDecisionWork.ReferToNhs
            && await ProbationDecisionWork.TryReferToNhs(scope, m.DecisionId, m.CaseId, m.PerpetratorId, "griffin", m.MeetingDate, m.Detail, m.DecidedBy, m.DecidedAt, Logger))
            return;
        await base.Handle(m, scope, context);
    }
}

public sealed class MeetingActionConsumer(CommandPipeline p, ServiceIdentity s, ILogger<MeetingActionConsumer> l) : MeetingActionTaskConsumer(p, s, l);
public sealed class GriffinActionConsumer(CommandPipeline p, ServiceIdentity s, ILogger<GriffinActionConsumer> l) : GriffinActionTaskConsumer(p, s, l);
public sealed class SpoEventConsumer(CommandPipeline p, ServiceIdentity s, ILogger<SpoEventConsumer> l) : SpoEventCopyConsumer(p, s, l);
public sealed class OrderChangedConsumer(CommandPipeline p, ServiceIdentity s, ILogger<OrderChangedConsumer> l) : OrderCopyConsumer(p, s, l);
