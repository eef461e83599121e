using Masip.Contracts.Nhs;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Liaison.RecordingCourtReports;

public sealed record RecordCourtReportRequest(
    Guid ReportId, Guid PerpetratorId, Guid? ReferralId, string Court, string RequestedBy, DateOnly DueDate);

public static class RecordCourtReportRequestDecision
{
    public static RecordCourtReportRequest Validate(RecordCourtReportRequestRequest request) => new(
        Require.Id(request.ReportId, "report_id"),
        Require.Id(request.PerpetratorId, "perpetrator_id"),
        string.IsNullOrWhiteSpace(request.ReferralId) ? null : Require.Id(request.ReferralId, "referral_id"),
        Require.Text(request.Court, "court", 200),
        Require.Text(request.RequestedBy, "requested_by", 200),
        Require.Date(request.DueDate, "due_date"));

    /// <summary>Idempotent by report id.</summary>
    public static IReadOnlyList<object> Decide(CourtReport? current, RecordCourtReportRequest command, DateTimeOffset now)
    {
        if (current is null)
            return [new CourtReportRequested(command.ReportId, command.PerpetratorId, command.ReferralId, command.Court,
                command.RequestedBy, command.DueDate, now)];
        var same = current.PerpetratorId == command.PerpetratorId && current.ReferralId == command.ReferralId
            && current.Court == command.Court && current.RequestedBy == command.RequestedBy && current.DueDate == command.DueDate;
        return same ? [] : throw new DuplicateRecordException("report_id", "a different court report request already has this id");
    }
}
