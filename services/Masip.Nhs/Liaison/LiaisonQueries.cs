using Grpc.Core;
using Masip.Contracts.Nhs;
using Masip.Nhs.Lists;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Liaison;

public sealed partial class NhsLiaisonGrpc
{
    /// <summary>Custody contacts, of everyone or of one person: the newest first, a page at a time.</summary>
    public override async Task<CustodyContactsReply> ListCustodyContacts(ListCustodyContactsRequest request, ServerCallContext context)
    {
        IQueryable<CustodyContact> contacts = query.Query<CustodyContact>();
        if (!string.IsNullOrWhiteSpace(request.PerpetratorId))
        {
            var id = Require.Id(request.PerpetratorId, "perpetrator_id");
            contacts = contacts.Where(c => c.PerpetratorId == id);
        }
        var (list, page) = await KeysetPage.ReadAsync(contacts, c => c.ListKey, descending: true, request.Page, context.CancellationToken);
        var reply = new CustodyContactsReply { Page = page };
        reply.Contacts.AddRange(list.Select(ToReply));
        return reply;
    }

    /// <summary>Court report requests, of everyone or of one person: the newest first, a page at a time.</summary>
    public override async Task<CourtReportsReply> ListCourtReports(ListCourtReportsRequest request, ServerCallContext context)
    {
        IQueryable<CourtReport> reports = query.Query<CourtReport>();
        if (!string.IsNullOrWhiteSpace(request.PerpetratorId))
        {
            var id = Require.Id(request.PerpetratorId, "perpetrator_id");
            reports = reports.Where(r => r.PerpetratorId == id);
        }
        var (list, page) = await KeysetPage.ReadAsync(reports, r => r.ListKey, descending: true, request.Page, context.CancellationToken);
        var reply = new CourtReportsReply { Page = page };
        reply.Reports.AddRange(list.Select(ToReply));
        return reply;
    }
}
