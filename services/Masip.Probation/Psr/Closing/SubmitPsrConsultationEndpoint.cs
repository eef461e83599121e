using Grpc.Core;
using Masip.Contracts.Probation;
using Masip.Probation.Psr.Closing;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.Psr;

public sealed partial class PsrConsultationsGrpc
{
    public override Task<PsrConsultationReply> SubmitPsrConsultation(SubmitPsrConsultationRequest request, ServerCallContext context)
    {
        var command = new SubmitPsrConsultation(Require.Id(request.ConsultationId, "consultation_id"));
        return pipeline.OnStream<PsrConsultation, PsrConsultationReply>(context, command.ConsultationId, "consultation_id",
            (consultation, scope) => SubmitPsrConsultationDecision.Decide(consultation, command, scope.Now), ToReply);
    }
}
