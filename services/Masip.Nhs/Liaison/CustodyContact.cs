using Masip.Nhs.Lists;

namespace Masip.Nhs.Liaison;

/// <summary>
/// Liaison and diversion: an NHS practitioner saw the person in police custody. The clinician is
/// the practitioner who recorded it (the actor).
/// </summary>
public sealed record CustodyContactRecorded(
    Guid ContactId,
    Guid PerpetratorId,
    Guid? ReferralId,
    DateOnly Date,
    string CustodySuite,
    string Outcome,
    string Clinician,
    DateTimeOffset RecordedAt);

public sealed record CustodyContact(
    Guid Id, Guid PerpetratorId, Guid? ReferralId, DateOnly Date, string CustodySuite, string Outcome, string Clinician,
    DateTimeOffset RecordedAt)
{
    /// <summary>The list's order: the newest contact first.</summary>
    public string ListKey => ListKeys.Newest(Date, RecordedAt, Id);

    public static CustodyContact Create(CustodyContactRecorded e) =>
        new(e.ContactId, e.PerpetratorId, e.ReferralId, e.Date, e.CustodySuite, e.Outcome, e.Clinician, e.RecordedAt);
}

/// <summary>
/// A court asked for a psychiatric or psychological report on the person. <paramref name="RequestedBy"/>
/// is the requester (the court, a solicitor, probation); <paramref name="RecordedBy"/> who recorded
/// the request here (the actor; null on requests recorded before it was kept).
/// </summary>
public sealed record CourtReportRequested(
    Guid ReportId,
    Guid PerpetratorId,
    Guid? ReferralId,
    string Court,
    string RequestedBy,
    DateOnly DueDate,
    DateTimeOffset RequestedAt,
    string? RecordedBy = null);

public sealed record CourtReport(
    Guid Id, Guid PerpetratorId, Guid? ReferralId, string Court, string RequestedBy, DateOnly DueDate, DateTimeOffset RequestedAt,
    string? RecordedBy)
{
    /// <summary>The list's order: the newest request first.</summary>
    public string ListKey => ListKeys.Newest(RequestedAt, Id);

    public static CourtReport Create(CourtReportRequested e) =>
        new(e.ReportId, e.PerpetratorId, e.ReferralId, e.Court, e.RequestedBy, e.DueDate, e.RequestedAt, e.RecordedBy);
}
