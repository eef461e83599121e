using Grpc.Core;
using Masip.Contracts.Probation;
using Masip.Probation.Psr.Closing;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.Psr;

public sealed partial class PsrConsultationsGrpc
{
    public override Task<PsrConsultationReply> WithdrawPsrConsultation(WithdrawPsrConsultationRequest request, ServerCallContext context)
    {
        var command = new WithdrawPsrConsultation(Require.Id(request.ConsultationId, "consultation_id"), Require.Text(request.Reason, "reason"));
        return pipeline.OnStream<PsrConsultation, PsrConsultationReply>(context, command.ConsultationId, "consultation_id",
            (consultation, scope) => WithdrawPsrConsultationDecision.Decide(consultation, command, scope.Now), ToReply);
    }
}
