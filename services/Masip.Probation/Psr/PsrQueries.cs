using Grpc.Core;
using Marten;
using Masip.Contracts.Probation;
using Masip.Probation.Lists;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;

namespace Masip.Probation.Psr;

public sealed partial class PsrConsultationsGrpc
{
    public override async Task<PsrConsultationReply> GetPsrConsultation(GetPsrConsultationRequest request, ServerCallContext context) =>
        ToReply(await Load(request.ConsultationId, context.CancellationToken));

    /// <summary>Most urgent first: by due date, then id (keyset pages: the list only grows).</summary>
    public override async Task<ListPsrConsultationsReply> ListPsrConsultations(ListPsrConsultationsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var size = Paging.Size(request.Page);
        var after = Keyset.DateAfter(request.Page);
        IQueryable<PsrConsultation> consultations = query.Query<PsrConsultation>();
        if (!string.IsNullOrWhiteSpace(request.Status))
        {
            var status = Require.OneOf(request.Status, "status", PsrWire.Statuses);
            consultations = consultations.Where(c => c.Status == status);
        }
        var total = await consultations.CountAsync(ct);
        var (page, next) = await Keyset.Page(
            consultations.After("due_date", after?.Value, after?.Id ?? Guid.Empty).OrderBy(c => c.DueDate).ThenBy(c => c.Id),
            size, c => Keyset.Key(c.DueDate, c.Id), ct);
        var reply = new ListPsrConsultationsReply { Page = Paging.Info(next, total) };
        reply.Consultations.AddRange(page.Select(ToReply));
        return reply;
    }

    private async Task<PsrConsultation> Load(string consultationId, CancellationToken ct)
    {
        var id = Require.Id(consultationId, "consultation_id");
        return await query.LoadAsync<PsrConsultation>(id, ct) ?? throw NotFound.For<PsrConsultation>("consultation_id", id);
    }
}
