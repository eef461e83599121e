using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Clocks;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Reviews;

public sealed partial class StacReviewsGrpc
{
    public override Task<CaseReply> AgreeVictimUpdateCadence(AgreeVictimUpdateCadenceRequest request, ServerCallContext context)
    {
        var command = new AgreeVictimUpdateCadence(
            Require.Id(request.CaseId, "case_id"), request.Days, Require.OneOf(request.AgreedWith, "agreed_with", VictimUpdateDecisions.AgreedWith));
        return OnCase(context, command.CaseId, (c, scope) => VictimUpdateDecisions.Decide(c, command, scope.Actor, scope.Now));
    }
}
