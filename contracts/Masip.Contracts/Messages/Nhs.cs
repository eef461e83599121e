namespace Masip.Contracts.Messages;

/// <summary>
/// NHS accepted or declined a perpetrator referral. The referrers (police, probation) keep the
/// outcome of their own referrals and drop the others'; the DMM lists declines.
/// </summary>
[ReceivedBy("police", "probation", "meetings")]
public sealed record NhsReferralDecidedV1(
    [DataClass("record.meta"), Subject("referral")] Guid ReferralId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("record.meta")] bool Accepted,
    [DataClass("clinical.risk-summary"), ServedAs("masip.nhs.NhsReferralReply.decline_reason")] string? Reason,
    [DataClass("record.meta")] DateTimeOffset DecidedAt);

/// <summary>
/// The risk-relevant summary of an assessment: the only part of it that leaves the NHS. Never
/// clinical detail (formulation, session notes, diagnoses).
/// </summary>
[ReceivedBy("police", "probation", "meetings")]
public sealed record RiskSummaryUpdatedV1(
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("record.meta"), Subject("referral")] Guid ReferralId,
    [DataClass("clinical.risk-summary")]
    [ServedAs("masip.nhs.RiskSummaryReply.risk_of_violence")]
    [ServedAs("masip.police.PartnerRiskSummary.risk_of_violence")]
    string RiskOfViolence,      // low | moderate | high
    [DataClass("clinical.risk-summary")]
    [ServedAs("masip.nhs.RiskSummaryReply.persistence")]
    [ServedAs("masip.police.PartnerRiskSummary.risk_of_persistence")]
    string RiskOfPersistence,
    [DataClass("clinical.risk-summary")]
    [ServedAs("masip.nhs.RiskSummaryReply.recurrence")]
    [ServedAs("masip.police.PartnerRiskSummary.risk_of_recurrence")]
    string RiskOfRecurrence,
    [DataClass("clinical.risk-summary")]
    [ServedAs("masip.nhs.RiskSummaryReply.psychological_damage")]
    [ServedAs("masip.police.PartnerRiskSummary.risk_of_psychological_damage")]
    string RiskOfPsychologicalDamage,
    [DataClass("clinical.risk-summary")]
    [ServedAs("masip.nhs.RiskSummaryReply.summary")]
    [ServedAs("masip.police.PartnerRiskSummary.summary")]
    [ServedAs("masip.police.SuspectHistoryReply.nhs_risk_summary")]
    string Summary,
    [DataClass("record.meta")] DateTimeOffset AssessedAt);

/// <summary>
/// An NHS intervention started or ended: news for the DMM (meetings). The police and probation
/// hold the risk summary (RiskSummaryUpdatedV1); the episodes are discussed at the meeting, and
/// their services keep no copy they do not use.
/// </summary>
[ReceivedBy("meetings")]
public sealed record InterventionStartedV1(
    [DataClass("record.meta"), Subject("episode")] Guid EpisodeId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("clinical.risk-summary"), ServedAs("masip.nhs.EpisodeReply.modality")] string Modality,
    [DataClass("record.meta")] DateTimeOffset StartedAt);

[ReceivedBy("meetings")]
public sealed record InterventionEndedV1(
    [DataClass("record.meta"), Subject("episode")] Guid EpisodeId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("clinical.risk-summary"), ServedAs("masip.nhs.EpisodeReply.end_reason")] string Reason,               // completed | disengaged | moved | in-custody
    [DataClass("record.meta")] DateTimeOffset EndedAt);
