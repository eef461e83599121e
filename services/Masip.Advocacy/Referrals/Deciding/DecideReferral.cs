using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals.Deciding;

/// <summary>A referral is pending until an advocate (the actor) accepts or declines it; the decision is final.</summary>
public static class DecideReferralDecision
{
    public static IReadOnlyList<object> Accept(Referral current, Actor actor, DateTimeOffset now)
    {
        EnsurePending(current);
        return [new ReferralAccepted(current.Id, current.CrimeReference, actor.Subject, now)];
    }

    public static IReadOnlyList<object> Decline(Referral current, string reason, Actor actor, DateTimeOffset now)
    {
        EnsurePending(current);
        return [new ReferralDeclined(current.Id, current.CrimeReference, actor.Subject, reason, now)];
    }

    private static void EnsurePending(Referral current)
    {
        if (current.Status != ReferralStatus.Pending)
            throw new RuleViolationException("referral_id",
                $"the referral was already {current.Status.ToString().ToLowerInvariant()} by {current.DecidedBy}");
    }
}
