namespace Masip.Contracts.Messages;

/// <summary>
/// A data-protection officer at the police corrected a victim's details on a case (UK GDPR Art. 16;
/// DPA 2018 s46) that a referral to advocacy already carried (VictimReferredToAdvocacyV1): the
/// advocacy service corrects its copy. Only the corrected field is set. Published only for a case
/// whose victim was referred. A receiver keeps the latest correction of each field by
/// RectifiedAt, then Version (the case's version), whatever order the messages arrive in.
/// </summary>
[ReceivedBy("advocacy")]
public sealed record VictimDetailsRectifiedV1(
    [DataClass("record.meta"), Subject("case")] Guid CaseId,
    [DataClass("record.meta")] string CrimeReference,
    [DataClass("record.meta")] string Field, // victim.name | victim.phone | victim.email
    [DataClass("victim.identity"), ServedAs("masip.advocacy.ReferralReply.victim_name")] string? VictimName,
    [DataClass("victim.contact"), ServedAs("masip.advocacy.ReferralReply.victim_phone")] string? VictimPhone,
    [DataClass("victim.contact"), ServedAs("masip.advocacy.ReferralReply.victim_email")] string? VictimEmail,
    [DataClass("record.meta")] long Version,
    [DataClass("record.meta")] DateTimeOffset RectifiedAt);

/// <summary>
/// A data-protection officer at the police corrected the suspect's details on a case (UK GDPR
/// Art. 16 and 19; DPA 2018 s46 and s48(9)) whose suspect the police referred to the NHS
/// (PerpetratorReferredToNhsV1 carried them): the NHS corrects its copy, every police referral of
/// that case. Only the corrected field is set. Published only for a case with a referral to the NHS:
/// probation keeps no copy (a police referral there is matched to probation's own record of the
/// person, and only the police's ids are kept), so it receives none. A receiver keeps the latest
/// correction of each field by RectifiedAt, then Version (the case's version), whatever order the
/// messages arrive in.
/// </summary>
[ReceivedBy("nhs")]
public sealed record SuspectDetailsRectifiedV1(
    [DataClass("record.meta"), Subject("case")] Guid CaseId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid? PerpetratorId,
    [DataClass("record.meta")] string Field, // suspect.name | suspect.dateOfBirth
    [DataClass("perpetrator.identity")]
    [ServedAs("masip.police.CaseReply.suspect_name")]
    [ServedAs("masip.nhs.NhsReferralReply.perpetrator_name")]
    string? SuspectName,
    [DataClass("perpetrator.identity")]
    [ServedAs("masip.police.CaseReply.suspect_date_of_birth")]
    [ServedAs("masip.nhs.NhsReferralReply.date_of_birth")]
    DateOnly? SuspectDateOfBirth,
    [DataClass("record.meta")] long Version,
    [DataClass("record.meta")] DateTimeOffset RectifiedAt);
