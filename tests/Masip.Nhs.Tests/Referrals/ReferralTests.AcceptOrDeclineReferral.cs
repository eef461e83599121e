using Masip.Nhs.Referrals;
using Masip.Nhs.Referrals.DecidingReferrals;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Nhs.Tests.Referrals;

public sealed class ReferralTests_AcceptOrDeclineReferral
{
    [Fact]
    public void Given_a_waiting_referral_When_accepting_Then_it_is_accepted_by_the_clinician()
    {
        var events = DecideReferralDecision.Decide(Given.WaitingReferral(), new AcceptReferral(Given.ReferralId, "clinician-03"), Given.Now);

        Assert.Equal(new ReferralAccepted(Given.ReferralId, Given.PerpetratorId, "clinician-03", Given.Now), Assert.Single(events));
    }

    [Fact]
    public void Given_an_accepted_referral_When_accepting_again_Then_nothing_changes()
    {
        Assert.Empty(DecideReferralDecision.Decide(Given.AcceptedReferral(), new AcceptReferral(Given.ReferralId, "clinician-03"), Given.Now));
    }

    [Fact]
    public void Given_a_declined_referral_When_accepting_Then_FailedPrecondition()
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            DecideReferralDecision.Decide(Given.DeclinedReferral(), new AcceptReferral(Given.ReferralId, "clinician-03"), Given.Now));

        Assert.Equal("referral_id", error.Field);
    }

    [Fact]
    public void Given_a_waiting_referral_When_declining_Then_it_is_declined_with_the_reason()
    {
        var events = DecideReferralDecision.Decide(Given.WaitingReferral(), new DeclineReferral(Given.ReferralId, "out of area", "clinician-03"), Given.Now);

        var declined = Assert.IsType<ReferralDeclined>(Assert.Single(events));
        Assert.Equal("out of area", declined.Reason);
        Assert.Equal(ReferralStatus.Declined, Given.WaitingReferral().Apply(declined).Status);
    }

    [Fact]
    public void Given_an_accepted_referral_When_declining_Then_FailedPrecondition()
    {
        Assert.Throws<RuleViolationException>(() =>
            DecideReferralDecision.Decide(Given.AcceptedReferral(), new DeclineReferral(Given.ReferralId, "x", "clinician-03"), Given.Now));
    }

    [Fact]
    public void Given_no_referral_When_accepting_Then_NotFound_naming_referral_id()
    {
        var error = Assert.Throws<RecordNotFoundException>(() =>
            DecideReferralDecision.Decide(null, new AcceptReferral(Given.ReferralId, "clinician-03"), Given.Now));

        Assert.Equal("referral_id", error.Field);
    }
}
