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
    [DataClass("police.intelligence")] string Reason,
    [DataClass("officer.identity")] string ReferredBy,
    [DataClass("record.meta")] DateTimeOffset ReferredAt);
