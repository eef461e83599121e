namespace Masip.Contracts.Messages;

/// <summary>
/// Probation's answer to "is this person known to probation?": what the agreement lets
/// probation share for the DMM (order type and dates, responsible officer, MAPPA category).
/// </summary>
[ReceivedBy("police", "meetings")]
public sealed record ProbationRecordSharedV1(
    [DataClass("record.meta"), Subject("referral")] Guid ReferralId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("record.meta")] bool KnownToProbation,
    [DataClass("probation.record")]
    [ServedAs("masip.probation.SupervisionCase.order_type")]
    [ServedAs("masip.police.PartnerProbationRecord.order_type")]
    string? OrderType,
    [DataClass("probation.record")]
    [ServedAs("masip.probation.SupervisionCase.end_date")]
    [ServedAs("masip.police.PartnerProbationRecord.order_ends")]
    DateOnly? OrderEnds,
    [DataClass("officer.identity")]
    [ServedAs("masip.probation.SupervisionCase.responsible_officer")]
    [ServedAs("masip.police.PartnerProbationRecord.responsible_officer")]
    string? ResponsibleOfficer,
    [DataClass("probation.record")]
    [ServedAs("masip.probation.MappaStatus.category")]
    [ServedAs("masip.police.PartnerProbationRecord.mappa_category")]
    int? MappaCategory,
    [DataClass("probation.record")]
    [ServedAs("masip.probation.Custody.expected_release")]
    [ServedAs("masip.police.PartnerProbationRecord.expected_release")]
    DateOnly? ExpectedRelease,
    [DataClass("record.meta")] DateTimeOffset SharedAt);

/// <summary>A PSR consultation's due date is near (3 working days) and it is not submitted.</summary>
[ReceivedBy("meetings")]
public sealed record PsrDueV1(
    [DataClass("record.meta"), Subject("psr")] Guid ConsultationId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid? PerpetratorId,
    [DataClass("probation.record"), ServedAs("masip.probation.PsrConsultationReply.court")] string Court,
    [DataClass("record.meta")] DateOnly DueDate,
    [DataClass("record.meta")] DateTimeOffset RaisedAt);

/// <summary>A release from custody within 28 days: an item for the DMM, and the Griffin meeting for nominals.</summary>
[ReceivedBy("police", "meetings")]
public sealed record ReleaseDueV1(
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("probation.record"), ServedAs("masip.probation.ReleaseDue.expected_release")] DateOnly ReleaseDate,
    [DataClass("probation.record"), ServedAs("masip.probation.LicenceCondition.detail")] string? LicenceConditions,
    [DataClass("record.meta")] DateTimeOffset RaisedAt);

/// <summary>MAPPA: category set, referral made/accepted, review set: news for the DMM (the police hear it there).</summary>
[ReceivedBy("meetings")]
public sealed record MappaEventV1(
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("record.meta")] string Kind,            // considered | referred | accepted | category-set | review-set
    [DataClass("probation.record"), ServedAs("masip.probation.MappaStatus.category")] int? Category,
    [DataClass("probation.record"), ServedAs("masip.probation.MappaStatus.level")] int? Level,
    [DataClass("record.meta")] DateTimeOffset OccurredAt);

/// <summary>
/// Probation referred a person it manages to the NHS for assessment or a stalking-specific
/// intervention (issue 18.5): the NHS puts it on its waiting list, and its decision comes back
/// (NhsReferralDecidedV1, same ReferralId). <paramref name="PerpetratorId"/> is the police
/// perpetrator id when probation knows it, otherwise probation's own person id.
/// </summary>
[ReceivedBy("nhs")]
public sealed record ProbationReferredToNhsV1(
    [DataClass("record.meta"), Subject("referral")] Guid ReferralId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("perpetrator.identity"), ServedAs("masip.probation.PersonReply.name"), ServedAs("masip.nhs.NhsReferralReply.perpetrator_name")] string PerpetratorName,
    [DataClass("perpetrator.identity"), ServedAs("masip.probation.PersonReply.date_of_birth"), ServedAs("masip.nhs.NhsReferralReply.date_of_birth")] DateOnly? DateOfBirth,
    [DataClass("perpetrator.identity"), ServedAs("masip.probation.PersonReply.pnc_id"), ServedAs("masip.nhs.NhsReferralReply.pnc_id")] string? PncId,
    [DataClass("record.meta")] string Service,         // assessment | intervention
    [DataClass("case.summary"), ServedAs("masip.probation.ProbationNhsReferralReply.risk_level"), ServedAs("masip.nhs.NhsReferralReply.risk_level")] string RiskLevel, // standard | medium | high
    [DataClass("probation.record"), ServedAs("masip.probation.ProbationNhsReferralReply.reason"), ServedAs("masip.nhs.NhsReferralReply.probation_reason")] string Reason,
    [DataClass("officer.identity"), ServedAs("masip.probation.ProbationNhsReferralReply.referred_by"), ServedAs("masip.nhs.NhsReferralReply.referrer")] string ReferredBy,
    [DataClass("record.meta")] DateTimeOffset ReferredAt);
