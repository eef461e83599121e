namespace Masip.Advocacy.Referrals;

public enum ReferralStatus { Pending, Accepted, Declined }

/// <summary>A referral of a victim arrived (from the police, a helpline, the victim, another service).</summary>
public sealed record ReferralReceived(
    Guid ReferralId,
    string Source,
    string? CrimeReference,
    string VictimName,
    string? VictimPhone,
    string? VictimEmail,
    string Reason,
    DateTimeOffset ReceivedAt);

/// <summary>A victim's referral to advocacy: pending until an advocate accepts or declines it.</summary>
public sealed record Referral(
    Guid Id,
    ReferralStatus Status,
    string Source,
    string? CrimeReference,
    string VictimName,
    string? VictimPhone,
    string? VictimEmail,
    string Reason,
    DateTimeOffset ReceivedAt)
{
    public static Referral Create(ReferralReceived received) => new(
        received.ReferralId, ReferralStatus.Pending, received.Source, received.CrimeReference, received.VictimName,
        received.VictimPhone, received.VictimEmail, received.Reason, received.ReceivedAt);
}
