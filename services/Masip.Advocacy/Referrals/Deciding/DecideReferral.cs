using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals.Deciding;

public sealed record AcceptReferral(Guid ReferralId, string AdvocateId);

public sealed record DeclineReferral(Guid ReferralId, string AdvocateId, string Reason);

/// <summary>A referral is pending until an advocate accepts or declines it; the decision is final.</summary>
public static class DecideReferralDecision
{
    public static IReadOnlyList<object> Accept(Referral current, AcceptReferral command, DateTimeOffset now)
    {
        EnsurePending(current);
        return [new ReferralAccepted(current.Id, current.CrimeReference, command.AdvocateId, now)];
    }

    public static IReadOnlyList<object> Decline(Referral current, DeclineReferral command, DateTimeOffset now)
    {
        EnsurePending(current);
        return [new ReferralDeclined(current.Id, current.CrimeReference, command.AdvocateId, command.Reason, now)];
    }

    private static void EnsurePending(Referral current)
    {
        if (current.Status != ReferralStatus.Pending)
            throw new RuleViolationException("referral_id",
                $"the referral was already {current.Status.ToString().ToLowerInvariant()} by {current.DecidedBy}");
    }
}
