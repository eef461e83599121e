using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Perpetrators.Linking;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Perpetrators;

public sealed partial class PolicePerpetratorsGrpc
{
    public override Task<SuspectHistoryReply> RejectLink(LinkDecisionRequest request, ServerCallContext context)
    {
        var command = new RejectLink(Require.Id(request.PerpetratorId, "perpetrator_id"), Require.Id(request.CaseId, "case_id"),
            Require.Text(request.Reason, "reason"));
        return OnPerpetrator(context, command.PerpetratorId, (p, scope) => LinkDecisions.Decide(p, command, scope.Actor, scope.Now));
    }
}
