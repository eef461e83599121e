using Grpc.Core;
using Masip.Contracts.Meetings;
using Masip.Meetings.Actions;
using Masip.Meetings.Actions.Completing;
using Masip.ServiceDefaults.Errors;

namespace Masip.Meetings;

public sealed partial class MeetingsGrpc
{
    public override Task<ActionReply> CompleteAction(CompleteActionRequest request, ServerCallContext context)
    {
        var command = new CompleteAction(Require.Id(request.ActionId, "action_id"));
        return pipeline.OnStream<MeetingAction, ActionReply>(context, command.ActionId, "action_id",
            (action, scope) => CompleteActionDecision.Decide(action, command, scope.Actor, scope.Now), ToReply);
    }
}
