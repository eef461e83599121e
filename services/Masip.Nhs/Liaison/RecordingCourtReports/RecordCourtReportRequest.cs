using Masip.Contracts.Nhs;
using Masip.Nhs.Referrals;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Liaison.RecordingCourtReports;

/// <summary>A court report was asked for; <paramref name="Requester"/> is who asked (the court, a solicitor, probation).</summary>
public sealed record RecordCourtReportRequest(
    Guid ReportId, Guid PerpetratorId, Guid? ReferralId, string Court, string Requester, DateOnly DueDate);

public static class RecordCourtReportRequestDecision
{
    // Lengths and plausible dates are the request's bounds (nhs.proto), checked before this.
    public static RecordCourtReportRequest Validate(RecordCourtReportRequestRequest request) => new(
        Require.Id(request.ReportId, "report_id"),
        Require.Id(request.PerpetratorId, "perpetrator_id"),
        string.IsNullOrWhiteSpace(request.ReferralId) ? null : Require.Id(request.ReferralId, "referral_id"),
        Require.Text(request.Court, "court"),
        Require.Text(request.Requester, "requester"),
        Require.Date(request.DueDate, "due_date"));

    /// <summary>
    /// The referral named (if any) is about the same person. The requester is kept as the one who
    /// asked; the actor as the one who recorded it. Idempotent by report id, whoever retries it.
    /// </summary>
    public static IReadOnlyList<object> Decide(CourtReport? current, Referral? referral, RecordCourtReportRequest command, Actor actor, DateTimeOffset now)
    {
        if (current is not null)
        {
            var same = current.PerpetratorId == command.PerpetratorId && current.ReferralId == command.ReferralId
                && current.Court == command.Court && current.RequestedBy == command.Requester && current.DueDate == command.DueDate;
            return same ? [] : throw new DuplicateRecordException("report_id", "a different court report request already has this id");
        }
        LiaisonReferral.RequireSamePerson(referral, command.PerpetratorId);
        return [new CourtReportRequested(command.ReportId, command.PerpetratorId, command.ReferralId, command.Court,
            command.Requester, command.DueDate, now, actor.Subject)];
    }
}
