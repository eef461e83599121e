using Grpc.Core;
using Marten;
using Masip.Contracts.Probation;
using Masip.Probation.People;
using Masip.Probation.Psr.Closing;
using Masip.Probation.Psr.Exporting;
using Masip.Probation.Psr.RecordingStacInput;
using Masip.Probation.Psr.Requesting;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.Psr;

public sealed class PsrConsultationsGrpc(PsrCommands consultations, IQuerySession query) : PsrConsultations.PsrConsultationsBase
{
    public override async Task<PsrConsultationReply> RequestPsrConsultation(RequestPsrConsultationRequest request, ServerCallContext context)
    {
        var command = new RequestPsrConsultation(
            Require.Id(request.ConsultationId, "consultation_id"),
            Require.Id(request.PersonId, "person_id"),
            Require.Text(request.Court, "court", 200),
            Require.Date(request.HearingDate, "hearing_date"),
            Require.Date(request.DueDate, "due_date"),
            Require.Text(request.Offence, "offence", 200),
            Require.Text(request.RequestedBy, "requested_by", 100),
            Require.OneOf(request.RequesterRole, "requester_role", PsrWire.RequesterRoles),
            string.IsNullOrWhiteSpace(request.RequestedOn) ? null : Require.Date(request.RequestedOn, "requested_on"));
        var ct = context.CancellationToken;
        return ToReply(await consultations.Execute(command.ConsultationId, async (current, session, now) =>
            RequestPsrConsultationDecision.Decide(current, command, await session.LoadAsync<Person>(command.PersonId, ct), now), ct));
    }

    public override async Task<PsrConsultationReply> RecordStacInput(RecordStacInputRequest request, ServerCallContext context)
    {
        var command = new RecordStacInput(
            Require.Id(request.ConsultationId, "consultation_id"),
            Require.Text(request.ReviewedPapers, "reviewed_papers"),
            Require.Text(request.History, "history"),
            Require.Text(request.StalkingConsiderations, "stalking_considerations"),
            [.. request.RecommendedRequirements.Select(r => Require.Text(r, "recommended_requirements", 100).ToLowerInvariant()).Distinct()],
            Require.Text(request.RecordedBy, "recorded_by", 100));
        return ToReply(await consultations.Execute(command.ConsultationId, (c, now) => RecordStacInputDecision.Decide(c, command, now), context.CancellationToken));
    }

    public override async Task<PsrConsultationReply> SubmitPsrConsultation(SubmitPsrConsultationRequest request, ServerCallContext context)
    {
        var command = new SubmitPsrConsultation(Require.Id(request.ConsultationId, "consultation_id"));
        return ToReply(await consultations.Execute(command.ConsultationId, (c, now) => SubmitPsrConsultationDecision.Decide(c, command, now), context.CancellationToken));
    }

    public override async Task<PsrConsultationReply> WithdrawPsrConsultation(WithdrawPsrConsultationRequest request, ServerCallContext context)
    {
        var command = new WithdrawPsrConsultation(Require.Id(request.ConsultationId, "consultation_id"), Require.Text(request.Reason, "reason", 2000));
        return ToReply(await consultations.Execute(command.ConsultationId, (c, now) => WithdrawPsrConsultationDecision.Decide(c, command, now), context.CancellationToken));
    }

    public override async Task<PsrConsultationReply> GetPsrConsultation(GetPsrConsultationRequest request, ServerCallContext context) =>
        ToReply(await Load(request.ConsultationId, context.CancellationToken));

    public override async Task<ListPsrConsultationsReply> ListPsrConsultations(ListPsrConsultationsRequest request, ServerCallContext context)
    {
        IQueryable<PsrConsultation> consultations = query.Query<PsrConsultation>();
        if (!string.IsNullOrWhiteSpace(request.Status))
        {
            var status = Require.OneOf(request.Status, "status", PsrWire.Statuses);
            consultations = consultations.Where(c => c.Status == status);
        }
        var list = await consultations.OrderBy(c => c.RequestedAt).Take(500).ToListAsync(context.CancellationToken);
        var reply = new ListPsrConsultationsReply();
        reply.Consultations.AddRange(list.Select(ToReply));
        return reply;
    }

    public override async Task<PsrSummaryDocumentReply> ExportPsrSummary(ExportPsrSummaryRequest request, ServerCallContext context)
    {
        var format = Require.OneOf(request.Format, "format", PsrSummaryDocument.Formats);
        var consultation = await Load(request.ConsultationId, context.CancellationToken);
        var person = await query.LoadAsync<Person>(consultation.PersonId, context.CancellationToken)
            ?? throw new RecordNotFoundException("person_id", $"no person {consultation.PersonId}");
        return new PsrSummaryDocumentReply
        {
            ConsultationId = consultation.Id.ToString(),
            Format = request.Format.Trim().ToLowerInvariant(),
            ContentType = PsrSummaryDocument.ContentType(format),
            Document = PsrSummaryDocument.Render(consultation, person, format),
        };
    }

    private async Task<PsrConsultation> Load(string consultationId, CancellationToken ct)
    {
        var id = Require.Id(consultationId, "consultation_id");
        return await query.LoadAsync<PsrConsultation>(id, ct) ?? throw new RecordNotFoundException("consultation_id", $"no consultation {id}");
    }

    private static PsrConsultationReply ToReply(PsrConsultation c)
    {
        var reply = new PsrConsultationReply
        {
            ConsultationId = c.Id.ToString(),
            PersonId = c.PersonId.ToString(),
            Status = Wire.Name(PsrWire.Statuses, c.Status),
            Court = c.Court,
            HearingDate = Formats.Date(c.HearingDate),
            DueDate = Formats.Date(c.DueDate),
            Offence = c.Offence,
            RequestedBy = c.RequestedBy,
            RequesterRole = Wire.Name(PsrWire.RequesterRoles, c.RequesterRole),
            RequestedOn = Formats.Date(c.RequestedOn),
            ReviewedPapers = c.Input?.ReviewedPapers ?? "",
            History = c.Input?.History ?? "",
            StalkingConsiderations = c.Input?.StalkingConsiderations ?? "",
            InputRecordedBy = c.Input?.RecordedBy ?? "",
            DueAlertRaisedAt = c.DueAlertRaisedAt is { } raised ? Formats.Instant(raised) : "",
            WithdrawalReason = c.WithdrawalReason ?? "",
        };
        reply.RecommendedRequirements.AddRange(c.Input?.RecommendedRequirements ?? []);
        return reply;
    }
}
