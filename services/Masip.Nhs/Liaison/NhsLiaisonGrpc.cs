using Marten;
using Masip.Contracts.Nhs;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Liaison;

/// <summary>
/// Liaison and diversion. Each command's endpoint lives beside its use case
/// (RecordingCustodyContacts/..., RecordingCourtReports/...); the lists are in LiaisonQueries.cs.
/// </summary>
public sealed partial class NhsLiaisonGrpc(CommandPipeline pipeline, IQuerySession query) : NhsLiaison.NhsLiaisonBase
{
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
        Requester = r.RequestedBy,
        DueDate = Formats.Date(r.DueDate),
        RequestedAt = Formats.Instant(r.RequestedAt),
        RecordedBy = r.RecordedBy ?? "",
    };
}
