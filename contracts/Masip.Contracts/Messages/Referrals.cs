namespace Masip.Contracts.Messages;

/// <summary>
/// A referral arrived at advocacy (a victim) or joined the NHS waiting list (a perpetrator) and
/// waits for a decision: the DMM lists referrals not yet accepted. Only what the meeting may
/// hold: ids, route, reference, the police risk level; never names, contact details or reasons.
/// A duplicate linked to an original referral publishes nothing (the original is the one waiting).
/// The decision follows as AdvocacyReferralDecidedV1 or NhsReferralDecidedV1 with the same ReferralId.
/// </summary>
[ReceivedBy("meetings")]
public sealed record ReferralAwaitingDecisionV1(
    [DataClass("record.meta"), Subject("referral")] Guid ReferralId,
    [DataClass("record.meta")] string Agency,
    [DataClass("record.meta")] string Source,
    [DataClass("record.meta")] string? CrimeReference,
    [DataClass("record.meta")] Guid? CaseId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid? PerpetratorId,
    [DataClass("case.summary")]
    [ServedAs("masip.advocacy.QueuedReferral.risk_level")]
    [ServedAs("masip.nhs.NhsReferralReply.risk_level")]
    [ServedAs("masip.meetings.AgendaItemReply.risk")]
    string? RiskLevel,
    [DataClass("record.meta")] DateTimeOffset ReceivedAt)
{
    public const string Advocacy = "advocacy";
    public const string Nhs = "nhs";
}
