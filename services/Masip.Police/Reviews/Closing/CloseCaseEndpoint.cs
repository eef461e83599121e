using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Reviews.Closing;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Reviews;

public sealed partial class StacReviewsGrpc
{
    public override Task<CaseReply> CloseCase(CloseCaseRequest request, ServerCallContext context)
    {
        var command = new CloseCase(
            Require.Id(request.CaseId, "case_id"),
            Require.OneOf(request.Outcome, "outcome", CloseCaseDecision.Outcomes),
            Require.Text(request.Reason, "reason"));
        return OnCase(context, command.CaseId, (c, scope) => CloseCaseDecision.Decide(c, command, scope.Actor, scope.Now));
    }
}
