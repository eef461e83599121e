namespace Masip.Contracts.Messages;

/// <summary>
/// Police referred a victim to the advocacy service (STAC: 766 of 4,533 reviewed s4A cases in
/// 2023). Published from the police event store by the outbox relay; MessageId is the event id.
/// </summary>
public sealed record VictimReferredToAdvocacyV1(
    Guid ReferralId,
    string CrimeReference,
    string VictimName,
    string? VictimPhone,
    string? VictimEmail,
    string Reason,
    string ReferredBy,
    DateTimeOffset ReferredAt);
