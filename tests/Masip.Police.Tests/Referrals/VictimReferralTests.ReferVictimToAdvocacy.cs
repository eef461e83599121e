using Masip.Police.Referrals;
using Masip.Police.Referrals.ReferringVictimToAdvocacy;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Police.Tests.Referrals;

public sealed class VictimReferralTests_ReferVictimToAdvocacy
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 7, 30, 0, TimeSpan.Zero);
    private static readonly Guid ReferralId = Guid.Parse("6a0f3f5e-7f0e-4c55-9a65-0c4a1f3c2b11");

    private static readonly Actor Officer = new("officer-001", "police", "stac-officer");

    private static ReferVictimToAdvocacy Command(string reason = "victim asked for support") =>
        new(ReferralId, "CRIS-0001", "Synthetic Victim", "07700 900123", null, reason);

    [Fact]
    public void Given_no_referral_When_referring_Then_the_victim_is_referred_now()
    {
        var events = ReferVictimToAdvocacyDecision.Decide(null, Command(), Officer, Now);

        var referred = Assert.IsType<VictimReferredToAdvocacy>(Assert.Single(events));
        Assert.Equal(new VictimReferredToAdvocacy(ReferralId, "CRIS-0001", "Synthetic Victim", "07700 900123", null,
            "victim asked for support", "officer-001", Now), referred);
    }

    [Fact]
    public void Given_the_same_referral_When_referring_again_Then_nothing_changes()
    {
        var current = VictimReferral.Create((VictimReferredToAdvocacy)ReferVictimToAdvocacyDecision.Decide(null, Command(), Officer, Now)[0]);

        var events = ReferVictimToAdvocacyDecision.Decide(current, Command(), Officer, Now.AddMinutes(5));

        Assert.Empty(events);
    }

    [Fact]
    public void Given_a_referral_When_another_officer_sends_it_again_Then_it_is_refused_as_a_different_referral()
    {
        var current = VictimReferral.Create((VictimReferredToAdvocacy)ReferVictimToAdvocacyDecision.Decide(null, Command(), Officer, Now)[0]);

        Assert.Throws<DuplicateRecordException>(() =>
            ReferVictimToAdvocacyDecision.Decide(current, Command(), Officer with { Subject = "officer-002" }, Now));
    }

    [Fact]
    public void Given_a_referral_When_a_different_one_uses_its_id_Then_it_is_refused_naming_the_field()
    {
        var current = VictimReferral.Create((VictimReferredToAdvocacy)ReferVictimToAdvocacyDecision.Decide(null, Command(), Officer, Now)[0]);

        var error = Assert.Throws<DuplicateRecordException>(() =>
            ReferVictimToAdvocacyDecision.Decide(current, Command("another reason"), Officer, Now));

        Assert.Equal("referral_id", error.Field);
    }
}
