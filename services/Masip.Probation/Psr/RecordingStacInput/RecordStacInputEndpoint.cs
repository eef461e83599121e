using Grpc.Core;
using Masip.Contracts.Probation;
using Masip.Probation.Psr.RecordingStacInput;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.Psr;

public sealed partial class PsrConsultationsGrpc
{
    /// <summary>The caller (the token's subject) is recorded as who gave the STAC input.</summary>
    public override Task<PsrConsultationReply> RecordStacInput(RecordStacInputRequest request, ServerCallContext context)
    {
        var command = new RecordStacInput(
            Require.Id(request.ConsultationId, "consultation_id"),
            Require.Text(request.ReviewedPapers, "reviewed_papers"),
            Require.Text(request.History, "history"),
            Require.Text(request.StalkingConsiderations, "stalking_considerations"),
            [.. request.RecommendedRequirements.Select(r => Require.Text(r, "recommended_requirements").ToLowerInvariant()).Distinct()]);
        return pipeline.OnStream<PsrConsultation, PsrConsultationReply>(context, command.ConsultationId, "consultation_id",
            (consultation, scope) => RecordStacInputDecision.Decide(consultation, command, scope.Actor, scope.Now), ToReply);
    }
}
