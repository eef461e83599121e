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
