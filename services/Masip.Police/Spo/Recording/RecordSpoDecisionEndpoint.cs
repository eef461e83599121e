using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Spo.Recording;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Spo;

public sealed partial class PoliceSpoGrpc
{
    public override Task<CaseReply> RecordSpoDecision(RecordSpoDecisionRequest request, ServerCallContext context)
    {
        var command = new RecordSpoDecision(Require.Id(request.CaseId, "case_id"), Require.OneOf(request.Stage, "stage", SpoDecisions.Stages),
            request.Granted, Prohibitions(request.Prohibitions), Requirements(request.Requirements),
            string.IsNullOrWhiteSpace(request.ExpiresOn) ? null : Require.Date(request.ExpiresOn, "expires_on"),
            Require.Text(request.Reason, "reason"), Require.OptionalText(request.Court, "court", 200));
        return OnCase(context, command.CaseId, (c, scope) => SpoDecisions.Decide(c, command, scope.Actor, scope.Now));
    }
}
