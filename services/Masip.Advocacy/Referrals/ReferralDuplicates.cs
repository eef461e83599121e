using Marten;
using Masip.ServiceDefaults.Matching;

namespace Masip.Advocacy.Referrals;

/// <summary>
/// Recognises the same victim in the same case: same crime reference and the same name once
/// case, spacing, punctuation and accents are set aside (NameKey). Referrals without a crime reference (some
/// self-referrals) are never matched automatically: a name alone is not enough to merge victims.
/// </summary>
public static class ReferralDuplicates
{
    /// <summary>
    /// The unique index on the key of open referrals: a second referral racing the first fails on
    /// it, and the command pipeline (which takes a "_uidx_" violation for a write conflict) decides
    /// it again, when it finds the first and links.
    /// </summary>
    public const string IndexName = "mt_doc_referral_uidx_duplicate_key";

    public static string? KeyOf(string? crimeReference, string victimName)
    {
        if (string.IsNullOrWhiteSpace(crimeReference))
            return null;
        return $"{Normalise(crimeReference)}|{Normalise(victimName)}";
    }

    /// <summary>The platform's name key (ServiceDefaults Matching.NameKey): case, spacing, punctuation, accents and common transliterations set aside.</summary>
    public static string Normalise(string value) => NameKey.For(value);

    /// <summary>The id of the open (not declined) referral this one duplicates, if any.</summary>
    public static async Task<Guid?> FindOriginal(IQuerySession session, string? key, Guid exceptId, CancellationToken cancellationToken)
    {
        if (key is null)
            return null;
        var original = await session.Query<Referral>()
            .Where(r => r.DuplicateKey == key && r.Status != ReferralStatus.Declined && r.Id != exceptId)
            .OrderBy(r => r.ReceivedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return original?.Id;
    }
}
