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
    [DataClass("clinical.risk-summary")] string? Reason,
    [DataClass("record.meta")] DateTimeOffset DecidedAt);

/// <summary>
/// The risk-relevant summary of an assessment: the only part of it that leaves the NHS. Never
/// clinical detail (formulation, session notes, diagnoses).
/// </summary>
[ReceivedBy("police", "probation", "meetings")]
public sealed record RiskSummaryUpdatedV1(
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("record.meta"), Subject("referral")] Guid ReferralId,
    [DataClass("clinical.risk-summary")] string RiskOfViolence,      // low | moderate | high
    [DataClass("clinical.risk-summary")] string RiskOfPersistence,
    [DataClass("clinical.risk-summary")] string RiskOfRecurrence,
    [DataClass("clinical.risk-summary")] string RiskOfPsychologicalDamage,
    [DataClass("clinical.risk-summary")] string Summary,
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
    [DataClass("clinical.risk-summary")] string Modality,
    [DataClass("record.meta")] DateTimeOffset StartedAt);

[ReceivedBy("meetings")]
public sealed record InterventionEndedV1(
    [DataClass("record.meta"), Subject("episode")] Guid EpisodeId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("clinical.risk-summary")] string Reason,               // completed | disengaged | moved | in-custody
    [DataClass("record.meta")] DateTimeOffset EndedAt);
