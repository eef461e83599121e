using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Clocks;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Reviews;

public sealed partial class StacReviewsGrpc
{
    public override Task<CaseReply> RecordVictimUpdate(RecordVictimUpdateRequest request, ServerCallContext context)
    {
        var command = new RecordVictimUpdate(Require.Id(request.CaseId, "case_id"), Require.OneOf(request.Channel, "channel", VictimUpdateDecisions.Channels));
        return OnCase(context, command.CaseId, (c, scope) => VictimUpdateDecisions.Decide(c, command, scope.Actor, scope.Now));
    }
}
