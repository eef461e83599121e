namespace Masip.Contracts.Messages;

/// <summary>
/// Police referred a victim to the advocacy service (STAC: 766 of 4,533 reviewed s4A cases in
/// 2023). Published from the police event store by the outbox relay; MessageId is the event id.
/// </summary>
[ReceivedBy("advocacy")]
public sealed record VictimReferredToAdvocacyV1(
    [DataClass("record.meta"), Subject("referral")] Guid ReferralId,
    [DataClass("record.meta")] string CrimeReference,
    [DataClass("victim.identity")] string VictimName,
    [DataClass("victim.contact")] string? VictimPhone,
    [DataClass("victim.contact")] string? VictimEmail,
    [DataClass("case.summary")] string Reason,
    [DataClass("officer.identity")] string ReferredBy,
    [DataClass("record.meta")] DateTimeOffset ReferredAt);

/// <summary>
/// A police case event the victim must hear about (Victims' Code: update after key decisions):
/// charge, NFA, bail, SPO granted or breached, a court date. Advocacy makes an update task of it.
/// </summary>
[ReceivedBy("advocacy", "meetings")]
public sealed record CaseEventForVictimV1(
    [DataClass("record.meta"), Subject("case")] Guid CaseId,
    [DataClass("record.meta")] string CrimeReference,
    [DataClass("record.meta")] string Kind,            // charge | nfa | bail | spo-granted | spo-breached | court-date
    [DataClass("case.summary")] string Summary,        // no victim contact details, no intelligence
    [DataClass("record.meta")] DateTimeOffset OccurredAt);

/// <summary>
/// A STAC case was tiered or re-tiered (DOMAIN.md "STAC tiers"). The reason is the officer's free
/// text, police.intelligence as in police.proto (TierHistoryEntry.reason): it never reaches an
/// advocate, so advocacy does not receive this message. Nor does the NHS: its waiting list is
/// ordered by the risk level a referral carries, and a re-tiering reaches the clinician through
/// the DMM; the tier reason (police intelligence) is not disclosed to a service that does not use it.
/// </summary>
[ReceivedBy("probation", "meetings")]
public sealed record CaseTieredV1(
    [DataClass("record.meta"), Subject("case")] Guid CaseId,
    [DataClass("record.meta")] string CrimeReference,
    [DataClass("record.meta"), Subject("perpetrator")] Guid? PerpetratorId,
    [DataClass("case.summary")] string Offence,        // s4A | s2A | harassment | malicious-communications | breach
    [DataClass("case.summary")] int Tier,              // 1..3
    [DataClass("case.summary")] string RiskLevel,      // standard | medium | high
    [DataClass("police.intelligence")] string Reason,
    [DataClass("record.meta")] DateTimeOffset TieredAt);

/// <summary>Police asked NHS to assess or treat a perpetrator (STAC 2023: 172 referrals).</summary>
[ReceivedBy("nhs")]
public sealed record PerpetratorReferredToNhsV1(
    [DataClass("record.meta"), Subject("referral")] Guid ReferralId,
    [DataClass("record.meta"), Subject("case")] Guid CaseId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("perpetrator.identity")] string PerpetratorName,
    [DataClass("perpetrator.identity")] DateOnly? DateOfBirth,
    [DataClass("perpetrator.identity")] string? PncId,
    [DataClass("record.meta")] string Service,         // assessment | intervention
    [DataClass("case.summary")] string RiskLevel,      // standard | medium | high
    [DataClass("police.intelligence")] string Reason,
    [DataClass("officer.identity")] string ReferredBy,
    [DataClass("record.meta")] DateTimeOffset ReferredAt);

/// <summary>Police asked probation whether it knows a perpetrator, or for a PSR consultation.</summary>
[ReceivedBy("probation")]
public sealed record PerpetratorReferredToProbationV1(
    [DataClass("record.meta"), Subject("referral")] Guid ReferralId,
    [DataClass("record.meta"), Subject("case")] Guid CaseId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("perpetrator.identity")] string PerpetratorName,
    [DataClass("perpetrator.identity")] DateOnly? DateOfBirth,
    [DataClass("perpetrator.identity")] string? PncId,
    [DataClass("record.meta")] string Question,        // known-to-probation | psr-consultation
    [DataClass("police.intelligence")] string Reason,
    [DataClass("officer.identity")] string ReferredBy,
    [DataClass("record.meta")] DateTimeOffset ReferredAt);

/// <summary>
/// A perpetrator became an Operation Griffin nominal (accepted at the Griffin meeting). Probation
/// flags the people it knows; the NHS hears of nominals at the Griffin meeting (meetings), and its
/// service holds no Griffin-restricted names it does not use.
/// </summary>
[ReceivedBy("probation", "meetings")]
public sealed record NominalAddedV1(
    [DataClass("record.meta"), Subject("nominal")] Guid NominalId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("griffin.restricted")] string PerpetratorName,
    [DataClass("griffin.restricted")] string? PncId,
    [DataClass("griffin.restricted")] string Rationale,
    [DataClass("record.meta")] DateOnly ReviewDue,
    [DataClass("record.meta")] DateTimeOffset AddedAt);

[ReceivedBy("probation", "meetings")]
public sealed record NominalRemovedV1(
    [DataClass("record.meta"), Subject("nominal")] Guid NominalId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("griffin.restricted")] string Reason,
    [DataClass("record.meta")] DateTimeOffset RemovedAt);

/// <summary>PNC marker activity: any new police contact with a nominal, for the next Griffin meeting (the meetings service only).</summary>
[ReceivedBy("meetings")]
public sealed record NominalActivityV1(
    [DataClass("record.meta"), Subject("nominal")] Guid NominalId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("griffin.restricted")] string Activity,
    [DataClass("record.meta")] string? CrimeReference,
    [DataClass("record.meta")] DateTimeOffset OccurredAt);

/// <summary>An SPO event: considered, applied, interim/full granted or refused, varied, expired, breached.</summary>
[ReceivedBy("probation", "nhs", "meetings")]
public sealed record SpoEventV1(
    [DataClass("record.meta"), Subject("case")] Guid CaseId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid? PerpetratorId,
    [DataClass("record.meta")] string Kind,            // considered | applied | interim-granted | interim-refused | full-granted | full-refused | varied | expired | breached
    [DataClass("case.summary")] string Detail,
    [DataClass("record.meta")] DateTimeOffset OccurredAt);
