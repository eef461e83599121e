using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals.Consenting;

public sealed record RecordVictimVoice(Guid ReferralId, string Concerns, string Wishes, bool ShareWithDmm);

/// <summary>
/// Consent governs what the advocate shares (DOMAIN.md "Advocacy"): the victim says with whom,
/// and may withdraw; the acting advocate records it. The victim's voice reaches the daily
/// meeting only with consent to share with the DMM.
/// </summary>
public static class ConsentDecision
{
    public const string Dmm = "dmm";

    public static readonly IReadOnlyDictionary<string, string> Parties =
        new[] { Dmm, "police", "probation", "nhs" }.ToDictionary(p => p);

    public static IReadOnlyList<object> Give(Referral current, string shareWith, Actor actor, DateTimeOffset now)
    {
        EnsureNotDeclined(current);
        return current.HasConsentToShareWith(shareWith)
            ? []
            : [new ConsentToShareGiven(current.Id, shareWith, actor.Subject, now)];
    }

    public static IReadOnlyList<object> Withdraw(Referral current, string shareWith, Actor actor, DateTimeOffset now)
    {
        if (!current.HasConsentToShareWith(shareWith))
            throw new RuleViolationException("share_with", $"the victim has not consented to share with {shareWith}; nothing to withdraw");
        return [new ConsentToShareWithdrawn(current.Id, shareWith, actor.Subject, now)];
    }

    public static IReadOnlyList<object> RecordVoice(Referral current, RecordVictimVoice command, Actor actor, DateTimeOffset now)
    {
        EnsureNotDeclined(current);
        if (command.ShareWithDmm && !current.HasConsentToShareWith(Dmm))
            throw new RuleViolationException("share_with_dmm", "the victim has not consented to share with the dmm");
        return [new VictimVoiceRecorded(current.Id, current.CrimeReference, command.Concerns, command.Wishes, actor.Subject, command.ShareWithDmm, now)];
    }

    private static void EnsureNotDeclined(Referral current)
    {
        if (current.Status == ReferralStatus.Declined)
            throw new RuleViolationException("referral_id", "the referral was declined");
    }
}
