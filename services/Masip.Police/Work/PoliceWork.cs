using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.Contracts.Work;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Work;

namespace Masip.Police.Work;

/// <summary>
/// The police's work from the meetings: decisions they own that are not carried out at once (a
/// tier change and a referral are: see MeetingDecisionConsumers) and actions for their officers.
/// </summary>
public sealed class PoliceWorkGrpc(CommandPipeline pipeline, IQuerySession query, TimeProvider clock) : PoliceWork.PoliceWorkBase
{
    public override Task<TasksReply> ListTasks(ListTasksRequest request, ServerCallContext context) =>
        MeetingWork.List(query, request, Today, context.CancellationToken);

    public override Task<TaskReply> CompleteTask(CompleteTaskRequest request, ServerCallContext context) =>
        MeetingWork.Complete(pipeline, request, context, Today);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

public sealed class MeetingActionConsumer(CommandPipeline p, ServiceIdentity s, ILogger<MeetingActionConsumer> l) : MeetingActionTaskConsumer(p, s, l);
public sealed class GriffinActionConsumer(CommandPipeline p, ServiceIdentity s, ILogger<GriffinActionConsumer> l) : GriffinActionTaskConsumer(p, s, l);
