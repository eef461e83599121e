using Masip.Advocacy.Referrals;
using Masip.Advocacy.Referrals.Contacting;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Advocacy.Tests.Referrals;

public sealed class ReferralTests_Contacts
{
    [Fact]
    public void Given_an_accepted_referral_When_agreeing_preferences_Then_cadence_and_channel_are_recorded_once()
    {
        var referral = Given.Referral(Given.Accepted);
        var command = new AgreeUpdatePreferences(Given.ReferralId, 7, "phone");

        var agreed = Assert.Single(VictimContactsDecision.Agree(referral, command, Given.Advocate, Given.Now));

        Assert.Equal(new UpdatePreferencesAgreed(Given.ReferralId, 7, "phone", "advocate-001", Given.Now), agreed);
        Assert.Empty(VictimContactsDecision.Agree(Given.Referral(Given.Accepted, agreed), command, Given.Advocate, Given.Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    public void A_cadence_outside_1_to_90_days_is_refused(int days) =>
        Assert.Equal("cadence_days", Assert.Throws<InvalidFieldException>(() =>
            VictimContactsDecision.Agree(Given.Referral(Given.Accepted), new AgreeUpdatePreferences(Given.ReferralId, days, "email"), Given.Advocate, Given.Now)).Field);

    [Fact]
    public void Given_a_referral_When_logging_a_contact_Then_channel_summary_and_the_caller_are_recorded()
    {
        var contactId = Guid.NewGuid();
        var taskId = Guid.NewGuid();

        var logged = Assert.Single(VictimContactsDecision.Log(Given.Referral(Given.Accepted),
            new LogContact(Given.ReferralId, "phone", "told of the charge", taskId), contactId, Given.AdvocateNamed("advocate-004"), Given.Now));

        Assert.Equal(new VictimContactLogged(Given.ReferralId, contactId, "phone", "told of the charge", "advocate-004", taskId, Given.Now), logged);
    }

    [Fact]
    public void Given_a_declined_referral_When_logging_a_contact_Then_it_is_refused() =>
        Assert.Equal("referral_id", Assert.Throws<RuleViolationException>(() => VictimContactsDecision.Log(
            Given.Referral(new ReferralDeclined(Given.ReferralId, "CRIS-0001", "a", "x", Given.Now)),
            new LogContact(Given.ReferralId, "phone", "s", null), Guid.NewGuid(), Given.Advocate, Given.Now)).Field);
}
