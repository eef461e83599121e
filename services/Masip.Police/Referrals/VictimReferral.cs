namespace Masip.Police.Referrals;

/// <summary>A STAC officer referred the victim to the advocacy service.</summary>
public sealed record VictimReferredToAdvocacy(
    Guid ReferralId,
    string CrimeReference,
    string VictimName,
    string? VictimPhone,
    string? VictimEmail,
    string Reason,
    string ReferredBy,
    DateTimeOffset ReferredAt,
    Cases.ContactPreferencesRecorded? Contact = null);

/// <summary>A victim's referral to advocacy, as the police hold it (inline snapshot: the read model).</summary>
public sealed record VictimReferral(
    Guid Id,
    string CrimeReference,
    string VictimName,
    string? VictimPhone,
    string? VictimEmail,
    string Reason,
    string ReferredBy,
    DateTimeOffset ReferredAt)
{
    public static VictimReferral Create(VictimReferredToAdvocacy referred) => new(
        referred.ReferralId, referred.CrimeReference, referred.VictimName, referred.VictimPhone,
        referred.VictimEmail, referred.Reason, referred.ReferredBy, referred.ReferredAt);
}
