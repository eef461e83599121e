using Masip.Advocacy.Referrals;
using Masip.Advocacy.Referrals.Consenting;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Advocacy.Tests.Referrals;

public sealed class ReferralTests_ConsentAndVoice
{
    private static RecordVictimVoice Voice(bool share) =>
        new(Given.ReferralId, "afraid to go to work", "wants an SPO", share);

    [Fact]
    public void Given_no_consent_When_giving_consent_to_the_dmm_Then_it_is_recorded_and_giving_it_again_changes_nothing()
    {
        var events = ConsentDecision.Give(Given.Referral(Given.Accepted), "dmm", Given.Advocate, Given.Now);
        var given = Assert.IsType<ConsentToShareGiven>(Assert.Single(events));
        var referral = Given.Referral(Given.Accepted, given);

        Assert.True(referral.HasConsentToShareWith("dmm"));
        Assert.Empty(ConsentDecision.Give(referral, "dmm", Given.Advocate, Given.Now));
    }

    [Fact]
    public void Given_consent_to_the_dmm_When_recording_a_voice_to_share_Then_it_is_shared()
    {
        var referral = Given.Referral(Given.Accepted, new ConsentToShareGiven(Given.ReferralId, "dmm", "advocate-001", Given.Now));

        var voice = Assert.IsType<VictimVoiceRecorded>(Assert.Single(ConsentDecision.RecordVoice(referral, Voice(share: true), Given.Advocate, Given.Now)));

        Assert.Equal(new VictimVoiceRecorded(Given.ReferralId, "CRIS-0001", "afraid to go to work", "wants an SPO", "advocate-001", true, Given.Now), voice);
    }

    [Fact]
    public void Given_no_consent_When_sharing_a_voice_Then_it_is_refused_naming_the_field()
    {
        var referral = Given.Referral(Given.Accepted, new ConsentToShareGiven(Given.ReferralId, "police", "advocate-001", Given.Now));

        var error = Assert.Throws<RuleViolationException>(() => ConsentDecision.RecordVoice(referral, Voice(share: true), Given.Advocate, Given.Now));

        Assert.Equal("share_with_dmm", error.Field);
        Assert.False(Assert.IsType<VictimVoiceRecorded>(Assert.Single(ConsentDecision.RecordVoice(referral, Voice(share: false), Given.Advocate, Given.Now))).SharedWithDmm);
    }

    [Fact]
    public void Given_withdrawn_consent_When_sharing_a_voice_Then_it_is_refused()
    {
        var referral = Given.Referral(Given.Accepted,
            new ConsentToShareGiven(Given.ReferralId, "dmm", "advocate-001", Given.Now.AddDays(-1)),
            new ConsentToShareWithdrawn(Given.ReferralId, "dmm", "advocate-001", Given.Now));

        Assert.Throws<RuleViolationException>(() => ConsentDecision.RecordVoice(referral, Voice(share: true), Given.Advocate, Given.Now));
    }

    [Fact]
    public void Given_consent_When_withdrawing_Then_it_is_withdrawn_and_withdrawing_absent_consent_is_refused()
    {
        var referral = Given.Referral(Given.Accepted, new ConsentToShareGiven(Given.ReferralId, "dmm", "advocate-001", Given.Now));

        var withdrawn = Assert.Single(ConsentDecision.Withdraw(referral, "dmm", Given.AdvocateNamed("advocate-002"), Given.Now));
        var error = Assert.Throws<RuleViolationException>(() =>
            ConsentDecision.Withdraw(referral, "nhs", Given.AdvocateNamed("advocate-002"), Given.Now));

        Assert.Equal(new ConsentToShareWithdrawn(Given.ReferralId, "dmm", "advocate-002", Given.Now), withdrawn);
        Assert.Equal("share_with", error.Field);
    }
}
