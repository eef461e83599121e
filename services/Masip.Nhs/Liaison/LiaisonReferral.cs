using Masip.Nhs.Referrals;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Liaison;

/// <summary>A liaison record may name the person's NHS referral (issue 14.3: a named record must exist and fit).</summary>
public static class LiaisonReferral
{
    /// <summary>The named referral, or NotFound naming referral_id; null when none is named.</summary>
    public static async Task<Referral?> Named(CommandScope scope, Guid? referralId) =>
        referralId is { } id ? await scope.Require<Referral>(id, "referral_id") : null;

    /// <summary>The referral named must be about the same person.</summary>
    public static void RequireSamePerson(Referral? referral, Guid perpetratorId)
    {
        if (referral is not null && referral.PerpetratorId != perpetratorId)
            throw new RuleViolationException("referral_id", $"referral {referral.Id} is about another person than perpetrator_id");
    }
}
