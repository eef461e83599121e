using Grpc.Core;
using Marten;
using Masip.Contracts.Nhs;
using Masip.Nhs.Liaison.RecordingCourtReports;
using Masip.Nhs.Liaison.RecordingCustodyContacts;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Liaison;

public sealed class NhsLiaisonGrpc(LiaisonHandler liaison, IQuerySession query) : NhsLiaison.NhsLiaisonBase
{
    public override async Task<CustodyContactReply> RecordCustodyContact(RecordCustodyContactRequest request, ServerCallContext context) =>
        ToReply(await liaison.Handle(RecordCustodyContactDecision.Validate(request), context.CancellationToken));

    public override async Task<CourtReportReply> RecordCourtReportRequest(RecordCourtReportRequestRequest request, ServerCallContext context) =>
        ToReply(await liaison.Handle(RecordCourtReportRequestDecision.Validate(request), context.CancellationToken));

    public override async Task<CustodyContactsReply> ListCustodyContacts(ListCustodyContactsRequest request, ServerCallContext context)
    {
        IQueryable<CustodyContact> contacts = query.Query<CustodyContact>();
        if (!string.IsNullOrWhiteSpace(request.PerpetratorId))
        {
            var id = Require.Id(request.PerpetratorId, "perpetrator_id");
            contacts = contacts.Where(c => c.PerpetratorId == id);
        }
        var list = await contacts.OrderByDescending(c => c.Date).Take(500).ToListAsync(context.CancellationToken);
        var reply = new CustodyContactsReply();
        reply.Contacts.AddRange(list.Select(ToReply));
        return reply;
    }

    public override async Task<CourtReportsReply> ListCourtReports(ListCourtReportsRequest request, ServerCallContext context)
    {
        IQueryable<CourtReport> reports = query.Query<CourtReport>();
        if (!string.IsNullOrWhiteSpace(request.PerpetratorId))
        {
            var id = Require.Id(request.PerpetratorId, "perpetrator_id");
            reports = reports.Where(c => c.PerpetratorId == id);
        }
        var list = await reports.OrderBy(c => c.DueDate).Take(500).ToListAsync(context.CancellationToken);
        var reply = new CourtReportsReply();
        reply.Reports.AddRange(list.Select(ToReply));
        return reply;
    }

    private static CustodyContactReply ToReply(CustodyContact c) => new()
    {
        ContactId = c.Id.ToString(),
        PerpetratorId = c.PerpetratorId.ToString(),
        ReferralId = c.ReferralId?.ToString() ?? "",
        Date = Formats.Date(c.Date),
        CustodySuite = c.CustodySuite,
        Outcome = c.Outcome,
        Clinician = c.Clinician,
        RecordedAt = Formats.Instant(c.RecordedAt),
    };

    private static CourtReportReply ToReply(CourtReport r) => new()
    {
        ReportId = r.Id.ToString(),
        PerpetratorId = r.PerpetratorId.ToString(),
        ReferralId = r.ReferralId?.ToString() ?? "",
        Court = r.Court,
        RequestedBy = r.RequestedBy,
        DueDate = Formats.Date(r.DueDate),
        RequestedAt = Formats.Instant(r.RequestedAt),
    };
}
