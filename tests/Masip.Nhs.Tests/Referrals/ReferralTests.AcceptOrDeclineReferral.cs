using Masip.Nhs.Referrals;
using Masip.Nhs.Referrals.DecidingReferrals;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Nhs.Tests.Referrals;

public sealed class ReferralTests_AcceptOrDeclineReferral
{
    private static readonly AcceptReferral Accept = new(Given.ReferralId);

    [Fact]
    public void Given_a_waiting_referral_When_accepting_Then_it_is_accepted_by_the_calling_clinician()
    {
        var events = DecideReferralDecision.Decide(Given.WaitingReferral(), Accept, Given.Clinician, Given.Now);

        Assert.Equal(new ReferralAccepted(Given.ReferralId, Given.PerpetratorId, "clinician-03", Given.Now), Assert.Single(events));
    }

    [Fact]
    public void Given_an_accepted_referral_When_another_clinician_accepts_again_Then_nothing_changes()
    {
        Assert.Empty(DecideReferralDecision.Decide(Given.AcceptedReferral(), Accept, Given.AnotherClinician, Given.Now));
    }

    [Fact]
    public void Given_a_declined_referral_When_accepting_Then_FailedPrecondition()
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            DecideReferralDecision.Decide(Given.DeclinedReferral(), Accept, Given.Clinician, Given.Now));

        Assert.Equal("referral_id", error.Field);
    }

    [Fact]
    public void Given_a_waiting_referral_When_declining_Then_it_is_declined_with_the_reason_by_the_calling_clinician()
    {
        var events = DecideReferralDecision.Decide(Given.WaitingReferral(), new DeclineReferral(Given.ReferralId, "out of area"),
            Given.AnotherClinician, Given.Now);

        var declined = Assert.IsType<ReferralDeclined>(Assert.Single(events));
        Assert.Equal(("out of area", "clinician-08"), (declined.Reason, declined.Clinician));
        var referral = Given.WaitingReferral().Apply(declined);
        Assert.Equal((ReferralStatus.Declined, "clinician-08"), (referral.Status, referral.DecidedBy));
    }

    [Fact]
    public void Given_a_declined_referral_When_declining_for_the_same_reason_Then_nothing_changes_and_for_another_FailedPrecondition()
    {
        Assert.Empty(DecideReferralDecision.Decide(Given.DeclinedReferral(), new DeclineReferral(Given.ReferralId, "out of area"), Given.Clinician, Given.Now));
        Assert.Throws<RuleViolationException>(() =>
            DecideReferralDecision.Decide(Given.DeclinedReferral(), new DeclineReferral(Given.ReferralId, "no capacity"), Given.Clinician, Given.Now));
    }

    [Fact]
    public void Given_an_accepted_referral_When_declining_Then_FailedPrecondition()
    {
        Assert.Throws<RuleViolationException>(() =>
            DecideReferralDecision.Decide(Given.AcceptedReferral(), new DeclineReferral(Given.ReferralId, "x"), Given.Clinician, Given.Now));
    }
}
