using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Spo.Recording;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Spo;

public sealed partial class PoliceSpoGrpc
{
    public override Task<CaseReply> AnswerFurtherOffencePrompt(AnswerFurtherOffencePromptRequest request, ServerCallContext context)
    {
        var command = new AnswerFurtherOffencePrompt(Require.Id(request.CaseId, "case_id"), request.RecordAsFurtherOffence,
            Require.OptionalText(request.FurtherCrimeReference, "further_crime_reference"), Require.Text(request.Reason, "reason"));
        if (command.Record && command.FurtherCrimeReference is null)
            throw new InvalidFieldException("further_crime_reference", "is required to record the breach as a further offence");
        return OnCase(context, command.CaseId, (c, scope) => SpoDecisions.Decide(c, command, scope.Actor, scope.Now));
    }
}
