using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Spo.Recording;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Spo;

public sealed partial class PoliceSpoGrpc
{
    public override Task<CaseReply> RecordSpoExpired(RecordSpoExpiredRequest request, ServerCallContext context)
    {
        var command = new RecordSpoExpired(Require.Id(request.CaseId, "case_id"), Require.Date(request.ExpiredOn, "expired_on"));
        return OnCase(context, command.CaseId, (c, scope) => SpoDecisions.Decide(c, command, scope.Actor, scope.Now));
    }
}
