using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Referrals.DecidingReferrals;

public sealed record AcceptReferral(Guid ReferralId, string Clinician);

public sealed record DeclineReferral(Guid ReferralId, string Reason, string Clinician);

/// <summary>A waiting referral is accepted or declined once; repeating the same decision changes nothing.</summary>
public static class DecideReferralDecision
{
    public static IReadOnlyList<object> Decide(Referral? current, AcceptReferral command, DateTimeOffset now)
    {
        var referral = current ?? throw new RecordNotFoundException("referral_id", $"no referral {command.ReferralId}");
        return referral.Status switch
        {
            ReferralStatus.Waiting => [new ReferralAccepted(referral.Id, referral.PerpetratorId, command.Clinician, now)],
            ReferralStatus.Accepted => [],
            _ => throw new RuleViolationException("referral_id", "the referral was declined; record a new referral instead"),
        };
    }

    public static IReadOnlyList<object> Decide(Referral? current, DeclineReferral command, DateTimeOffset now)
    {
        var referral = current ?? throw new RecordNotFoundException("referral_id", $"no referral {command.ReferralId}");
        return referral.Status switch
        {
            ReferralStatus.Waiting => [new ReferralDeclined(referral.Id, referral.PerpetratorId, command.Reason, command.Clinician, now)],
            ReferralStatus.Declined when referral.DeclineReason == command.Reason => [],
            ReferralStatus.Declined => throw new RuleViolationException("referral_id", "the referral was already declined for another reason"),
            _ => throw new RuleViolationException("referral_id", "the referral was accepted; end the intervention instead"),
        };
    }
}
