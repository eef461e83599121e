using Grpc.Core;
using Masip.Contracts.Probation;
using Masip.Probation.People;
using Masip.Probation.Psr.Requesting;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.Psr;

public sealed partial class PsrConsultationsGrpc
{
    public override Task<PsrConsultationReply> RequestPsrConsultation(RequestPsrConsultationRequest request, ServerCallContext context)
    {
        var command = new RequestPsrConsultation(
            Require.Id(request.ConsultationId, "consultation_id"),
            Require.Id(request.PersonId, "person_id"),
            Require.Text(request.Court, "court"),
            Require.Date(request.HearingDate, "hearing_date"),
            Require.Date(request.DueDate, "due_date"),
            Require.Text(request.Offence, "offence"),
            Require.Text(request.Requester, "requester"),
            Require.OneOf(request.RequesterRole, "requester_role", PsrWire.RequesterRoles),
            string.IsNullOrWhiteSpace(request.RequestedOn) ? null : Require.Date(request.RequestedOn, "requested_on"));
        return pipeline.Run(context,
            async scope =>
            {
                var stream = await scope.Stream<PsrConsultation>(command.ConsultationId);
                // The person is a decision input: NotFound names person_id when probation does not know them.
                var person = await scope.Load<Person>(command.PersonId);
                stream.AppendMany(RequestPsrConsultationDecision.Decide(stream.Aggregate, command, person, scope.Now));
            },
            async scope => ToReply(await scope.Require<PsrConsultation>(command.ConsultationId, "consultation_id")));
    }
}
