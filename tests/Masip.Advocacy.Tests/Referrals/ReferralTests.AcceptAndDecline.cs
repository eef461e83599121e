using Masip.Advocacy.Referrals;
using Masip.Advocacy.Referrals.Deciding;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Advocacy.Tests.Referrals;

public sealed class ReferralTests_AcceptAndDecline
{
    [Fact]
    public void Given_a_pending_referral_When_accepting_Then_it_is_accepted_by_the_caller()
    {
        var events = DecideReferralDecision.Accept(Given.Referral(), Given.AdvocateNamed("advocate-007"), Given.Now);

        Assert.Equal(new ReferralAccepted(Given.ReferralId, "CRIS-0001", "advocate-007", Given.Now), Assert.Single(events));
    }

    [Fact]
    public void Given_a_pending_referral_When_declining_Then_it_is_declined_by_the_caller_with_the_reason()
    {
        var events = DecideReferralDecision.Decline(Given.Referral(), "out of area", Given.AdvocateNamed("advocate-007"), Given.Now);

        Assert.Equal(new ReferralDeclined(Given.ReferralId, "CRIS-0001", "advocate-007", "out of area", Given.Now), Assert.Single(events));
    }

    [Fact]
    public void Given_an_accepted_referral_When_accepting_or_declining_Then_it_is_refused_naming_the_referral()
    {
        var accepted = Given.Referral(Given.Accepted);

        var accept = Assert.Throws<RuleViolationException>(() => DecideReferralDecision.Accept(accepted, Given.AdvocateNamed("advocate-002"), Given.Now));
        var decline = Assert.Throws<RuleViolationException>(() => DecideReferralDecision.Decline(accepted, "x", Given.AdvocateNamed("advocate-002"), Given.Now));

        Assert.Equal("referral_id", accept.Field);
        Assert.Equal("referral_id", decline.Field);
        Assert.Contains("accepted", accept.Message);
    }

    [Fact]
    public void Given_a_declined_referral_When_accepting_Then_it_is_refused()
    {
        var declined = Given.Referral(new ReferralDeclined(Given.ReferralId, "CRIS-0001", "advocate-001", "duplicate", Given.Now));

        Assert.Throws<RuleViolationException>(() => DecideReferralDecision.Accept(declined, Given.AdvocateNamed("advocate-002"), Given.Now));
    }

    [Fact]
    public void A_declined_referral_gives_up_its_duplicate_key_so_a_new_referral_of_the_victim_starts_afresh()
    {
        var pending = Given.Referral();
        var declined = Given.Referral(new ReferralDeclined(Given.ReferralId, "CRIS-0001", "advocate-001", "no capacity", Given.Now));

        Assert.NotNull(pending.DuplicateKey);
        Assert.Null(declined.DuplicateKey);
    }
}
