using Masip.Contracts.Advocacy;
using Masip.Contracts.Police;
using Masip.Testing;

namespace Masip.Platform.Tests;

/// <summary>Synthetic referral requests and the two services' clients.</summary>
internal static class Referrals
{
    public static ReferVictimToAdvocacyRequest NewRequest(string crimeReference = "CRIS-TEST-0001") => new()
    {
        ReferralId = Guid.NewGuid().ToString(),
        CrimeReference = crimeReference,
        VictimName = "Test Victim " + Guid.NewGuid().ToString("N")[..6],
        VictimPhone = "07700 900" + Random.Shared.Next(100, 999),
        VictimEmail = "victim-" + Random.Shared.Next(1000, 9999) + "@example.invalid",
        Reason = "s4A case, victim asked for support",
    };

    public static async Task<ReferralReply> ArrivesAtAdvocacy(AdvocacyReferrals.AdvocacyReferralsClient advocacy, string referralId, TimeSpan? timeout = null) =>
        await Eventually.ValueAsync(
            async () => await advocacy.GetReferralAsync(new GetReferralRequest { ReferralId = referralId }),
            timeout ?? TimeSpan.FromSeconds(30), $"referral {referralId} reaching advocacy");
}
