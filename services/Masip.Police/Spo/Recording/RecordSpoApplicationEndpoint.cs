using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Spo.Recording;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Spo;

public sealed partial class PoliceSpoGrpc
{
    public override Task<CaseReply> RecordSpoApplication(RecordSpoApplicationRequest request, ServerCallContext context)
    {
        var command = new RecordSpoApplication(Require.Id(request.CaseId, "case_id"), Require.OneOf(request.Stage, "stage", SpoDecisions.Stages),
            Require.Date(request.AppliedOn, "applied_on"),
            string.IsNullOrEmpty(request.VictimConsent) ? null : Require.OneOf(request.VictimConsent, "victim_consent", SpoDecisions.Consents),
            Require.OptionalText(request.ConsentNote, "consent_note"));
        return OnCase(context, command.CaseId, (c, scope) => SpoDecisions.Decide(c, command, scope.Actor, scope.Now));
    }
}
