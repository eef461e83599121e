using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Referrals.DecidingReferrals;

public sealed record AcceptReferral(Guid ReferralId);

public sealed record DeclineReferral(Guid ReferralId, string Reason);

/// <summary>
/// A waiting referral is accepted or declined once, by the clinician who calls (the actor);
/// repeating the same decision changes nothing, whoever repeats it.
/// </summary>
public static class DecideReferralDecision
{
    public static IReadOnlyList<object> Decide(Referral referral, AcceptReferral command, Actor actor, DateTimeOffset now) =>
        referral.Status switch
        {
            ReferralStatus.Waiting => [new ReferralAccepted(referral.Id, referral.PerpetratorId, actor.Subject, now)],
            ReferralStatus.Accepted => [],
            _ => throw new RuleViolationException("referral_id", "the referral was declined; record a new referral instead"),
        };

    public static IReadOnlyList<object> Decide(Referral referral, DeclineReferral command, Actor actor, DateTimeOffset now) =>
        referral.Status switch
        {
            ReferralStatus.Waiting => [new ReferralDeclined(referral.Id, referral.PerpetratorId, command.Reason, actor.Subject, now)],
            ReferralStatus.Declined when referral.DeclineReason == command.Reason => [],
            ReferralStatus.Declined => throw new RuleViolationException("referral_id", "the referral was already declined for another reason"),
            _ => throw new RuleViolationException("referral_id", "the referral was accepted; end the intervention instead"),
        };
}
