namespace Masip.Nhs.Liaison;

/// <summary>Liaison and diversion: an NHS practitioner saw the person in police custody.</summary>
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
    public static CustodyContact Create(CustodyContactRecorded e) =>
        new(e.ContactId, e.PerpetratorId, e.ReferralId, e.Date, e.CustodySuite, e.Outcome, e.Clinician, e.RecordedAt);
}

/// <summary>A court asked for a psychiatric or psychological report on the person.</summary>
public sealed record CourtReportRequested(
    Guid ReportId,
    Guid PerpetratorId,
    Guid? ReferralId,
    string Court,
    string RequestedBy,
    DateOnly DueDate,
    DateTimeOffset RequestedAt);

public sealed record CourtReport(
    Guid Id, Guid PerpetratorId, Guid? ReferralId, string Court, string RequestedBy, DateOnly DueDate, DateTimeOffset RequestedAt)
{
    public static CourtReport Create(CourtReportRequested e) =>
        new(e.ReportId, e.PerpetratorId, e.ReferralId, e.Court, e.RequestedBy, e.DueDate, e.RequestedAt);
}
