using Marten;
using Masip.Contracts.Probation;
using Masip.Probation.People;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.Psr;

/// <summary>
/// PSR consultations; each command's endpoint lives beside its use case (Requesting/...,
/// RecordingStacInput/..., Closing/...), the reads in <c>PsrQueries.cs</c> and Exporting/.
/// </summary>
public sealed partial class PsrConsultationsGrpc(CommandPipeline pipeline, IQuerySession query) : PsrConsultations.PsrConsultationsBase
{
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
            Requester = c.RequestedBy,
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
