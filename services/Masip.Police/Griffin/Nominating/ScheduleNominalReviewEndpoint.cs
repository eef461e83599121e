using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Griffin.Nominating;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Griffin;

public sealed partial class OperationGriffinGrpc
{
    public override Task<NominalReply> ScheduleNominalReview(ScheduleNominalReviewRequest request, ServerCallContext context)
    {
        var command = new ScheduleNominalReview(Require.Id(request.NominalId, "nominal_id"), Require.Date(request.ReviewDue, "review_due"));
        return OnNominal(context, command.NominalId, (n, scope) => GriffinDecisions.Decide(n, command, scope.Actor, scope.Now));
    }
}
