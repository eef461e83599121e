using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals.Consenting;

public sealed record GiveConsent(Guid ReferralId, string ShareWith, string RecordedBy);

public sealed record WithdrawConsent(Guid ReferralId, string ShareWith, string RecordedBy);

public sealed record RecordVictimVoice(Guid ReferralId, string Concerns, string Wishes, string RecordedBy, bool ShareWithDmm);

/// <summary>
/// Consent governs what the advocate shares (DOMAIN.md "Advocacy"): the victim says with whom,
/// and may withdraw. The victim's voice reaches the daily meeting only with consent to share
/// with the DMM.
/// </summary>
public static class ConsentDecision
{
    public const string Dmm = "dmm";

    public static readonly IReadOnlyDictionary<string, string> Parties =
        new[] { Dmm, "police", "probation", "nhs" }.ToDictionary(p => p);

    public static IReadOnlyList<object> Give(Referral current, GiveConsent command, DateTimeOffset now)
    {
        EnsureNotDeclined(current);
        return current.HasConsentToShareWith(command.ShareWith)
            ? []
            : [new ConsentToShareGiven(current.Id, command.ShareWith, command.RecordedBy, now)];
    }

    public static IReadOnlyList<object> Withdraw(Referral current, WithdrawConsent command, DateTimeOffset now)
    {
        if (!current.HasConsentToShareWith(command.ShareWith))
            throw new RuleViolationException("share_with", $"the victim has not consented to share with {command.ShareWith}; nothing to withdraw");
        return [new ConsentToShareWithdrawn(current.Id, command.ShareWith, command.RecordedBy, now)];
    }

    public static IReadOnlyList<object> RecordVoice(Referral current, RecordVictimVoice command, DateTimeOffset now)
    {
        EnsureNotDeclined(current);
        if (command.ShareWithDmm && !current.HasConsentToShareWith(Dmm))
            throw new RuleViolationException("share_with_dmm", "the victim has not consented to share with the dmm");
        return [new VictimVoiceRecorded(current.Id, current.CrimeReference, command.Concerns, command.Wishes, command.RecordedBy, command.ShareWithDmm, now)];
    }

    private static void EnsureNotDeclined(Referral current)
    {
        if (current.Status == ReferralStatus.Declined)
            throw new RuleViolationException("referral_id", "the referral was declined");
    }
}
