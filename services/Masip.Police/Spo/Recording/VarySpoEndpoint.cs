using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Spo.Recording;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Spo;

public sealed partial class PoliceSpoGrpc
{
    public override Task<CaseReply> VarySpo(VarySpoRequest request, ServerCallContext context)
    {
        var command = new VarySpo(Require.Id(request.CaseId, "case_id"), Prohibitions(request.Prohibitions), Requirements(request.Requirements),
            Require.Text(request.Reason, "reason"));
        return OnCase(context, command.CaseId, (c, scope) => SpoDecisions.Decide(c, command, scope.Actor, scope.Now));
    }
}
