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

/// <summary>
/// A correction of the case's victim (RecordRectified on the case, UK GDPR Art. 16) applied to the
/// police's referral of them, in the correction's transaction. Its own type: a RecordRectified here
/// would be applied by the case's projection too. A data-protection action: a restriction of
/// processing does not hold it back.
/// </summary>
public sealed record ReferredVictimDetailsCorrected(
    Guid ReferralId, Guid CaseId, string Field, string? OldValue, string NewValue, string Reason, string CorrectedBy,
    DateTimeOffset CorrectedAt, long CaseVersion) : ServiceDefaults.DataProtection.IDataProtectionAction;

/// <summary>
/// A victim's referral to advocacy, as the police hold it (inline snapshot: the read model). The
/// victim's details are as referred, until a correction of the case's victim (RecordRectified on
/// the case) corrects them here too, in its transaction (ReferredVictimDetailsCorrected).
/// </summary>
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

    public VictimReferral Apply(ReferredVictimDetailsCorrected e) => e.Field switch
    {
        "victim.name" => this with { VictimName = e.NewValue },
        "victim.phone" => this with { VictimPhone = e.NewValue },
        "victim.email" => this with { VictimEmail = e.NewValue },
        _ => this,
    };

    /// <summary>The referral's value of a victim field a case correction may change (null: the referral does not carry it).</summary>
    public string? ValueOf(string field) => field switch
    {
        "victim.name" => VictimName,
        "victim.phone" => VictimPhone,
        "victim.email" => VictimEmail,
        _ => null,
    };
}
