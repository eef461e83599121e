namespace Masip.Probation.Psr;

public enum PsrStatus { Requested, InProgress, Submitted, Withdrawn }

public enum RequesterRole { OfficerInCase, CourtReportWriter }

/// <summary>
/// The court report writer or the officer in the case (<c>RequestedBy</c>, someone outside STAC
/// probation) asked STAC probation to consult on a PSR; the probation officer who recorded it is
/// the event's actor (the token's subject, in the event metadata).
/// </summary>
public sealed record PsrConsultationRequested(
    Guid ConsultationId, Guid PersonId, Guid? PerpetratorId, string Court, DateOnly HearingDate, DateOnly DueDate,
    string Offence, string RequestedBy, RequesterRole RequesterRole, DateOnly RequestedOn, DateTimeOffset RequestedAt);

/// <summary>
/// STAC reviewed the papers and history so the recommendation takes the stalking into account;
/// <c>RecordedBy</c> is the actor (the caller's token subject).
/// </summary>
public sealed record StacInputRecorded(
    Guid ConsultationId, string ReviewedPapers, string History, string StalkingConsiderations,
    IReadOnlyList<string> RecommendedRequirements, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record PsrConsultationSubmitted(Guid ConsultationId, DateTimeOffset SubmittedAt);

public sealed record PsrConsultationWithdrawn(Guid ConsultationId, string Reason, DateTimeOffset WithdrawnAt);

/// <summary>The due date is within 3 working days and the consultation is not submitted; raised once.</summary>
public sealed record PsrDueAlertRaised(Guid ConsultationId, Guid? PerpetratorId, string Court, DateOnly DueDate, int WorkingDaysLeft, DateTimeOffset RaisedAt);

public sealed record StacInput(
    string ReviewedPapers, string History, string StalkingConsiderations, IReadOnlyList<string> RecommendedRequirements,
    string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A PSR consultation (inline snapshot: the read model).</summary>
public sealed record PsrConsultation(
    Guid Id,
    Guid PersonId,
    Guid? PerpetratorId,
    PsrStatus Status,
    string Court,
    DateOnly HearingDate,
    DateOnly DueDate,
    string Offence,
    string RequestedBy,
    RequesterRole RequesterRole,
    DateOnly RequestedOn,
    DateTimeOffset RequestedAt,
    StacInput? Input,
    DateTimeOffset? SubmittedAt,
    string? WithdrawalReason,
    DateTimeOffset? DueAlertRaisedAt)
{
    public static PsrConsultation Create(PsrConsultationRequested e) => new(
        e.ConsultationId, e.PersonId, e.PerpetratorId, PsrStatus.Requested, e.Court, e.HearingDate, e.DueDate, e.Offence,
        e.RequestedBy, e.RequesterRole, e.RequestedOn, e.RequestedAt, null, null, null, null);

    public PsrConsultation Apply(StacInputRecorded e) => this with
    {
        Status = PsrStatus.InProgress,
        Input = new StacInput(e.ReviewedPapers, e.History, e.StalkingConsiderations, e.RecommendedRequirements, e.RecordedBy, e.RecordedAt),
    };

    public PsrConsultation Apply(PsrConsultationSubmitted e) => this with { Status = PsrStatus.Submitted, SubmittedAt = e.SubmittedAt };

    public PsrConsultation Apply(PsrConsultationWithdrawn e) => this with { Status = PsrStatus.Withdrawn, WithdrawalReason = e.Reason };

    public PsrConsultation Apply(PsrDueAlertRaised e) => this with { DueAlertRaisedAt = e.RaisedAt };

    public bool IsOpen => Status is PsrStatus.Requested or PsrStatus.InProgress;
}
