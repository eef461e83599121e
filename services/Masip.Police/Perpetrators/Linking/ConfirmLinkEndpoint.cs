using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Perpetrators.Linking;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Perpetrators;

public sealed partial class PolicePerpetratorsGrpc
{
    public override Task<SuspectHistoryReply> ConfirmLink(LinkDecisionRequest request, ServerCallContext context)
    {
        var command = new ConfirmLink(Require.Id(request.PerpetratorId, "perpetrator_id"), Require.Id(request.CaseId, "case_id"));
        return OnPerpetrator(context, command.PerpetratorId, (p, scope) => LinkDecisions.Decide(p, command, scope.Actor, scope.Now));
    }
}
