using Grpc.Core;
using Marten;
using Masip.Contracts.Advocacy;
using Masip.Contracts.Work;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Work;

namespace Masip.Advocacy.Work;

/// <summary>Advocacy's work from the DMM: decisions it owns (a safety-plan review, a victim update) and actions for its advocates.</summary>
public sealed class AdvocacyWorkGrpc(CommandPipeline pipeline, IQuerySession query, TimeProvider clock) : AdvocacyWork.AdvocacyWorkBase
{
    public override Task<TasksReply> ListTasks(ListTasksRequest request, ServerCallContext context) =>
        MeetingWork.List(query, request, Today, context.CancellationToken);

    public override Task<TaskReply> CompleteTask(CompleteTaskRequest request, ServerCallContext context) =>
        MeetingWork.Complete(pipeline, request, context, Today);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

public sealed class MeetingDecisionConsumer(CommandPipeline p, ServiceIdentity s, ILogger<MeetingDecisionConsumer> l) : MeetingDecisionTaskConsumer(p, s, l);
public sealed class MeetingActionConsumer(CommandPipeline p, ServiceIdentity s, ILogger<MeetingActionConsumer> l) : MeetingActionTaskConsumer(p, s, l);
