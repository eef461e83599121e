using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Spo.Recording;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Spo;

public sealed partial class PoliceSpoGrpc
{
    public override Task<CaseReply> RecordSpoBreach(RecordSpoBreachRequest request, ServerCallContext context)
    {
        var command = new RecordSpoBreach(Require.Id(request.CaseId, "case_id"), Require.Date(request.BreachedOn, "breached_on"),
            Require.Text(request.Details, "details"));
        return OnCase(context, command.CaseId, (c, scope) => SpoDecisions.Decide(c, command, scope.Actor, scope.Now));
    }
}
