namespace Masip.Contracts.Messages;

/// <summary>An advocate accepted or declined a referral.</summary>
[ReceivedBy("police", "meetings")]
public sealed record AdvocacyReferralDecidedV1(
    [DataClass("record.meta"), Subject("referral")] Guid ReferralId,
    [DataClass("record.meta")] string? CrimeReference,
    [DataClass("record.meta")] bool Accepted,
    [DataClass("record.meta"), ServedAs("masip.advocacy.ReferralReply.decline_reason")] string? Reason,
    [DataClass("record.meta")] DateTimeOffset DecidedAt);

/// <summary>A victim update owed under the Victims' Code is overdue: an item for the DMM (the police hear it there).</summary>
[ReceivedBy("meetings")]
public sealed record VictimUpdateOverdueV1(
    [DataClass("record.meta"), Subject("task")] Guid TaskId,
    [DataClass("record.meta"), Subject("case")] Guid? CaseId,
    [DataClass("record.meta")] string? CrimeReference,
    [DataClass("record.meta")] string Kind,
    [DataClass("record.meta")] DateTimeOffset DueAt,
    [DataClass("record.meta")] DateTimeOffset RaisedAt);

/// <summary>
/// The victim's voice for the DMM (concerns, wishes), published only where the victim consented
/// to share it with the meeting. Withdrawn consent publishes a withdrawal.
/// </summary>
[ReceivedBy("meetings")]
public sealed record VictimVoiceSharedV1(
    [DataClass("record.meta"), Subject("referral")] Guid ReferralId,
    [DataClass("record.meta")] string? CrimeReference,
    [DataClass("victim.voice"), ServedAs("masip.advocacy.VictimVoice.concerns")] string Concerns,
    [DataClass("victim.voice"), ServedAs("masip.advocacy.VictimVoice.wishes")] string Wishes,
    [DataClass("record.meta")] DateTimeOffset RecordedAt);

[ReceivedBy("meetings")]
public sealed record VictimVoiceWithdrawnV1(
    [DataClass("record.meta"), Subject("referral")] Guid ReferralId,
    [DataClass("record.meta")] DateTimeOffset WithdrawnAt);
