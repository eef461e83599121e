using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Restrictions;

public sealed partial class RestrictedRecordsGrpc
{
    public override Task<CaseReply> RestrictCase(RestrictCaseRequest request, ServerCallContext context)
    {
        var command = new Restricting.RestrictCase(
            Require.Id(request.CaseId, "case_id"),
            [.. request.AccessList.Select(s => Require.Text(s, "access_list", 100))],
            Require.Text(request.Reason, "reason"));
        return pipeline.OnStream<StacCase, CaseReply>(context, command.CaseId, "case_id",
            (c, scope) => Restricting.RestrictCaseDecision.Decide(c, command, scope.Actor, scope.Now),
            c => CaseReplies.ToReply(c, clock.GetUtcNow(), clocks.Value.VictimUpdateCadenceDays));
    }
}
