using Grpc.Core;
using Masip.Contracts.Probation;
using Masip.Probation.People;
using Masip.Probation.Psr.Exporting;
using Masip.Probation.Psr.PartnerInput;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.Psr;

public sealed partial class PsrConsultationsGrpc
{
    public override async Task<PsrSummaryDocumentReply> ExportPsrSummary(ExportPsrSummaryRequest request, ServerCallContext context)
    {
        var format = Require.OneOf(request.Format, "format", PsrSummaryDocument.Formats);
        var consultation = await Load(request.ConsultationId, context.CancellationToken);
        var person = await query.LoadAsync<Person>(consultation.PersonId, context.CancellationToken)
            ?? throw NotFound.For<Person>("person_id", consultation.PersonId);
        var partners = await PsrPartnerSections.Load(query, consultation.PerpetratorId, context.CancellationToken);
        return new PsrSummaryDocumentReply
        {
            ConsultationId = consultation.Id.ToString(),
            Format = request.Format.Trim().ToLowerInvariant(),
            ContentType = PsrSummaryDocument.ContentType(format),
            Document = PsrSummaryDocument.Render(consultation, person, partners, format),
            NhsRiskSummary = partners.NhsRiskSummary ?? "",
            PoliceCaseFacts = partners.PoliceCaseFacts ?? "",
        };
    }
}
