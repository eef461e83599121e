namespace Masip.Contracts.Messages;

/// <summary>
/// Police referred a victim to the advocacy service (STAC: 766 of 4,533 reviewed s4A cases in
/// 2023). Published from the police event store by the outbox relay; MessageId is the event id.
/// </summary>
[ReceivedBy("advocacy")]
public sealed record VictimReferredToAdvocacyV1(
    [DataClass("record.meta"), Subject("referral")] Guid ReferralId,
    [DataClass("record.meta")] string CrimeReference,
    [DataClass("victim.identity")]
    [ServedAs("masip.police.VictimReferralReply.victim_name")]
    [ServedAs("masip.advocacy.ReferralReply.victim_name")]
    string VictimName,
    [DataClass("victim.contact")]
    [ServedAs("masip.police.VictimReferralReply.victim_phone")]
    [ServedAs("masip.advocacy.ReferralReply.victim_phone")]
    string? VictimPhone,
    [DataClass("victim.contact")]
    [ServedAs("masip.police.VictimReferralReply.victim_email")]
    [ServedAs("masip.advocacy.ReferralReply.victim_email")]
    string? VictimEmail,
    [DataClass("case.summary"), ServedAs("masip.police.VictimReferralReply.reason"), ServedAs("masip.advocacy.ReferralReply.reason")] string Reason,
    [DataClass("officer.identity"), ServedAs("masip.police.VictimReferralReply.referred_by")] string ReferredBy,
    [DataClass("record.meta")] DateTimeOffset ReferredAt,
    // The victim's contact preferences agreed with the police (issue 17.4), when there are any.
    [DataClass("victim.contact")]
    [ServedAs("masip.police.ContactPreferencesView.safe_numbers")]
    [ServedAs("masip.advocacy.ContactPreferences.safe_numbers")]
    IReadOnlyList<string>? SafeNumbers = null,
    [DataClass("victim.contact")]
    [ServedAs("masip.police.ContactPreferencesView.safe_times")]
    [ServedAs("masip.advocacy.ContactPreferences.safe_times")]
    string? SafeTimes = null,
    [DataClass("victim.contact")]
    [ServedAs("masip.police.ContactPreferencesView.no_withheld_numbers")]
    [ServedAs("masip.advocacy.ContactPreferences.no_withheld_numbers")]
    bool NoWithheldNumbers = false,
    [DataClass("victim.contact")]
    [ServedAs("masip.police.ContactPreferencesView.interpreter_needed")]
    [ServedAs("masip.advocacy.ContactPreferences.interpreter_needed")]
    bool InterpreterNeeded = false,
    [DataClass("victim.contact")]
    [ServedAs("masip.police.ContactPreferencesView.language")]
    [ServedAs("masip.advocacy.ContactPreferences.language")]
    string? Language = null,
    [DataClass("victim.identity")]
    [ServedAs("masip.police.ContactPreferencesView.preferred_name")]
    [ServedAs("masip.advocacy.ContactPreferences.preferred_name")]
    string? PreferredName = null,
    [DataClass("record.meta")] bool HasContactPreferences = false);

/// <summary>
/// A police case event the victim must hear about (Victims' Code: update after key decisions):
/// charge, NFA, bail, SPO granted or breached, a court date. Advocacy makes an update task of it.
/// </summary>
[ReceivedBy("advocacy", "meetings")]
public sealed record CaseEventForVictimV1(
    [DataClass("record.meta"), Subject("case")] Guid CaseId,
    [DataClass("record.meta")] string CrimeReference,
    [DataClass("record.meta")] string Kind,            // charge | nfa | bail | spo-granted | spo-breached | court-date
    [DataClass("case.summary"), NotServed("written for the victim and their advocate when the case event is raised; no reply serves it")] string Summary,        // no victim contact details, no intelligence
    [DataClass("record.meta")] DateTimeOffset OccurredAt);

/// <summary>
/// A STAC case was tiered or re-tiered (DOMAIN.md "STAC tiers"). The reason is the officer's free
/// text, police.intelligence as in police.proto (TierHistoryEntry.reason): it never reaches an
/// advocate, so advocacy does not receive this message. Nor does the NHS: its waiting list is
/// ordered by the risk level a referral carries, and a re-tiering reaches the clinician through
/// the DMM; the tier reason (police intelligence) is not disclosed to a service that does not use
/// it. OffenceDate is the first incident of the course of conduct: the s2A six-month limit counts
/// from it, not from the tiering (null: a message published before it was carried).
/// </summary>
[ReceivedBy("probation", "meetings")]
public sealed record CaseTieredV1(
    [DataClass("record.meta"), Subject("case")] Guid CaseId,
    [DataClass("record.meta")] string CrimeReference,
    [DataClass("record.meta"), Subject("perpetrator")] Guid? PerpetratorId,
    [DataClass("case.summary"), ServedAs("masip.police.ReviewQueueItem.offence")] string Offence,        // s4A | s2A | harassment | malicious-communications | breach
    [DataClass("case.summary"), ServedAs("masip.police.CaseReply.tier"), ServedAs("masip.police.TierHistoryEntry.tier")] int Tier,              // 1..3
    [DataClass("case.summary"), ServedAs("masip.police.ReviewView.risk_level")] string RiskLevel,      // standard | medium | high
    [DataClass("police.intelligence"), ServedAs("masip.police.TierHistoryEntry.reason")] string Reason,
    [DataClass("record.meta")] DateTimeOffset TieredAt,
    [DataClass("record.meta")] DateOnly? OffenceDate = null);

/// <summary>Police asked NHS to assess or treat a perpetrator (STAC 2023: 172 referrals).</summary>
[ReceivedBy("nhs")]
public sealed record PerpetratorReferredToNhsV1(
    [DataClass("record.meta"), Subject("referral")] Guid ReferralId,
    [DataClass("record.meta"), Subject("case")] Guid CaseId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("perpetrator.identity")]
    [ServedAs("masip.police.CaseReply.suspect_name")]
    [ServedAs("masip.nhs.NhsReferralReply.perpetrator_name")]
    string PerpetratorName,
    [DataClass("perpetrator.identity")]
    [ServedAs("masip.police.CaseReply.suspect_date_of_birth")]
    [ServedAs("masip.nhs.NhsReferralReply.date_of_birth")]
    DateOnly? DateOfBirth,
    [DataClass("perpetrator.identity"), ServedAs("masip.police.CaseReply.suspect_pnc_id"), ServedAs("masip.nhs.NhsReferralReply.pnc_id")] string? PncId,
    [DataClass("record.meta")] string Service,         // assessment | intervention
    [DataClass("case.summary")]
    [ServedAs("masip.police.ReviewView.risk_level")]
    [ServedAs("masip.nhs.NhsReferralReply.risk_level")]
    string RiskLevel,      // standard | medium | high
    [DataClass("police.intelligence")]
    [ServedAs("masip.police.PerpetratorReferralReply.reason")]
    [ServedAs("masip.nhs.NhsReferralReply.reason")]
    string Reason,
    [DataClass("officer.identity"), ServedAs("masip.police.PerpetratorReferralReply.referred_by")] string ReferredBy,
    [DataClass("record.meta")] DateTimeOffset ReferredAt);

/// <summary>Police asked probation whether it knows a perpetrator, or for a PSR consultation.</summary>
[ReceivedBy("probation")]
public sealed record PerpetratorReferredToProbationV1(
    [DataClass("record.meta"), Subject("referral")] Guid ReferralId,
    [DataClass("record.meta"), Subject("case")] Guid CaseId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("perpetrator.identity")]
    [ServedAs("masip.police.CaseReply.suspect_name")]
    [ServedAs("masip.probation.PersonReply.name")]
    string PerpetratorName,
    [DataClass("perpetrator.identity")]
    [ServedAs("masip.police.CaseReply.suspect_date_of_birth")]
    [ServedAs("masip.probation.PersonReply.date_of_birth")]
    DateOnly? DateOfBirth,
    [DataClass("perpetrator.identity")]
    [ServedAs("masip.police.CaseReply.suspect_pnc_id")]
    [ServedAs("masip.probation.PersonReply.pnc_id")]
    string? PncId,
    [DataClass("record.meta")] string Question,        // known-to-probation | psr-consultation
    [DataClass("police.intelligence"), ServedAs("masip.police.PerpetratorReferralReply.reason")] string Reason,
    [DataClass("officer.identity"), ServedAs("masip.police.PerpetratorReferralReply.referred_by")] string ReferredBy,
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
    [DataClass("griffin.restricted"), ServedAs("masip.police.NominalReply.perpetrator_name")] string PerpetratorName,
    [DataClass("griffin.restricted"), ServedAs("masip.police.NominalReply.pnc_id")] string? PncId,
    [DataClass("griffin.restricted"), ServedAs("masip.police.NominalReply.rationale")] string Rationale,
    [DataClass("record.meta")] DateOnly ReviewDue,
    [DataClass("record.meta")] DateTimeOffset AddedAt);

[ReceivedBy("probation", "meetings")]
public sealed record NominalRemovedV1(
    [DataClass("record.meta"), Subject("nominal")] Guid NominalId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("griffin.restricted"), ServedAs("masip.police.NominalReply.removal_reason")] string Reason,
    [DataClass("record.meta")] DateTimeOffset RemovedAt);

/// <summary>PNC marker activity: any new police contact with a nominal, for the next Griffin meeting (the meetings service only).</summary>
[ReceivedBy("meetings")]
public sealed record NominalActivityV1(
    [DataClass("record.meta"), Subject("nominal")] Guid NominalId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("griffin.restricted"), ServedAs("masip.police.GriffinAlert.activity")] string Activity,
    [DataClass("record.meta")] string? CrimeReference,
    [DataClass("record.meta")] DateTimeOffset OccurredAt);

/// <summary>An SPO event: considered, applied, interim/full granted or refused, varied, expired, breached.</summary>
[ReceivedBy("probation", "nhs", "meetings")]
public sealed record SpoEventV1(
    [DataClass("record.meta"), Subject("case")] Guid CaseId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid? PerpetratorId,
    [DataClass("record.meta")] string Kind,            // considered | applied | interim-granted | interim-refused | full-granted | full-refused | varied | expired | breached
    [DataClass("case.summary")]
    [ServedAs("masip.police.SpoView.status")]
    [ServedAs("masip.police.SpoView.prohibitions")]
    [ServedAs("masip.police.SpoView.requirements")]
    string Detail,
    [DataClass("record.meta")] DateTimeOffset OccurredAt);

/// <summary>
/// A protective order restraining a perpetrator (SPO, restraining order, non-molestation order,
/// DVPO, bail conditions), as it stands after one of its events (Change: recorded | varied | ended
/// | breached | breach-responded): probation and the NHS keep a copy per order for the person they
/// manage, the newest by the police's sequence. It carries no protected person's identity (the
/// NHS may not hold it, and a copy kept to manage the perpetrator does not need it), no restrained
/// person's name (the receivers know the person by PerpetratorId), and no breach detail (police
/// intelligence): the breaches only as a count.
/// </summary>
[ReceivedBy("probation", "nhs")]
public sealed record OrderChangedV1(
    [DataClass("record.meta")] Guid OrderId,
    [DataClass("record.meta"), Subject("case")] Guid CaseId,
    [DataClass("record.meta")] string CrimeReference,
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("record.meta")] string Change,          // recorded | varied | ended | breached | breach-responded
    [DataClass("case.summary"), ServedAs("masip.police.OrderReply.kind"), ServedAs("masip.work.OrderCopy.kind")] string Kind,
    [DataClass("case.summary"), ServedAs("masip.police.OrderReply.stage"), ServedAs("masip.work.OrderCopy.stage")] string? Stage,
    [DataClass("case.summary"), ServedAs("masip.police.OrderReply.status"), ServedAs("masip.work.OrderCopy.status")] string Status,
    [DataClass("case.summary"), ServedAs("masip.police.OrderReply.prohibitions"), ServedAs("masip.work.OrderCopy.prohibitions")]
    IReadOnlyList<string> Prohibitions,
    [DataClass("case.summary"), ServedAs("masip.police.OrderReply.requirements"), ServedAs("masip.work.OrderCopy.requirements")]
    IReadOnlyList<string> Requirements,
    [DataClass("record.meta")] DateOnly MadeOn,
    [DataClass("record.meta")] DateOnly? ExpiresOn,
    [DataClass("record.meta")] DateOnly? EndedOn,
    [DataClass("record.meta")] string Court,
    [DataClass("case.summary"), ServedAs("masip.police.OrderReply.breaches"), ServedAs("masip.work.OrderCopy.breach_count")] int BreachCount,
    [DataClass("record.meta")] DateTimeOffset ChangedAt);
