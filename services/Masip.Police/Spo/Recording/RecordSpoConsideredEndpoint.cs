using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Spo.Recording;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Spo;

public sealed partial class PoliceSpoGrpc
{
    public override Task<CaseReply> RecordSpoConsidered(RecordSpoConsideredRequest request, ServerCallContext context)
    {
        var command = new RecordSpoConsidered(Require.Id(request.CaseId, "case_id"), request.WillApply, Require.Text(request.Reason, "reason"),
            string.IsNullOrWhiteSpace(request.WhyNot) ? null : Require.OneOf(request.WhyNot, "why_not", SpoDecisions.WhyNotReasons));
        return OnCase(context, command.CaseId, (c, scope) => SpoDecisions.Decide(c, command, scope.Actor, scope.Now));
    }
}
