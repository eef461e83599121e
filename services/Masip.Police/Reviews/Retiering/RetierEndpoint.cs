using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Reviews.Retiering;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Reviews;

public sealed partial class StacReviewsGrpc
{
    public override Task<CaseReply> Retier(RetierRequest request, ServerCallContext context)
    {
        var command = new Retier(Require.Id(request.CaseId, "case_id"), request.Tier, Require.Text(request.Reason, "reason"));
        return OnCase(context, command.CaseId, (c, scope) => RetierDecision.Decide(c, command, scope.Actor, scope.Now));
    }
}
