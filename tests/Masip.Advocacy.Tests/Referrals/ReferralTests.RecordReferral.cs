using Masip.Advocacy.Referrals;
using Masip.Advocacy.Referrals.ReceivingReferrals;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Advocacy.Tests.Referrals;

public sealed class ReferralTests_RecordReferral
{
    private static readonly Guid NewId = Guid.Parse("7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f");

    private static RecordReferral Command(string victimName = "Test Person 12", string? crimeReference = "CRIS-0001", string reason = "helpline call") =>
        new(NewId, "helpline", crimeReference, victimName, "07700 900456", null, reason);

    [Fact]
    public void Given_no_referral_When_recording_Then_a_pending_referral_is_received_now()
    {
        var decision = RecordReferralDecision.Decide(null, null, Command(), Given.Now);

        Assert.Equal(NewId, decision.StreamId);
        Assert.Equal(new ReferralReceived(NewId, "helpline", "CRIS-0001", "Test Person 12", "07700 900456", null, "helpline call", Given.Now),
            Assert.Single(decision.Events));
    }

    [Fact]
    public void Given_the_same_victim_in_the_same_case_When_recording_Then_it_is_linked_to_the_original()
    {
        var original = Given.Referral();

        var decision = RecordReferralDecision.Decide(null, original, Command(victimName: "  test   PERSON 12 "), Given.Now);

        Assert.Equal(original.Id, decision.StreamId);
        Assert.Equal(new DuplicateReferralLinked(original.Id, NewId, "helpline", Given.Now), Assert.Single(decision.Events));
    }

    [Fact]
    public void Given_a_linked_duplicate_When_recording_it_again_Then_nothing_changes()
    {
        var original = Given.Referral(new DuplicateReferralLinked(Given.ReferralId, NewId, "helpline", Given.Now));

        var decision = RecordReferralDecision.Decide(null, original, Command(), Given.Now.AddMinutes(1));

        Assert.Empty(decision.Events);
        Assert.Equal(original.Id, decision.StreamId);
    }

    [Fact]
    public void Given_a_referral_When_a_different_one_uses_its_id_Then_it_is_refused_naming_the_field()
    {
        var current = Referral.Create((ReferralReceived)RecordReferralDecision.Decide(null, null, Command(), Given.Now).Events[0]);

        Assert.Empty(RecordReferralDecision.Decide(current, null, Command(), Given.Now).Events);
        var error = Assert.Throws<DuplicateRecordException>(() => RecordReferralDecision.Decide(current, null, Command(reason: "other"), Given.Now));
        Assert.Equal("referral_id", error.Field);
    }

    [Theory]
    [InlineData("CRIS-0001", "Test Person 12", "cris 0001", "test-person 12", true)]
    [InlineData("CRIS-0001", "Test Person 12", "CRIS-0002", "Test Person 12", false)]
    [InlineData("CRIS-0001", "Test Person 12", "CRIS-0001", "Test Person 13", false)]
    [InlineData("CRIS-0001", "Zoë Brontë-Łukasz", "cris 0001", "  ZOE  bronte lukasz ", true)]
    [InlineData("CRIS-0001", "Søren Strauß", "CRIS-0001", "Soren Strauss", true)]
    public void Duplicate_keys_ignore_case_spacing_punctuation_and_accents(string refA, string nameA, string refB, string nameB, bool same) =>
        Assert.Equal(same, ReferralDuplicates.KeyOf(refA, nameA) == ReferralDuplicates.KeyOf(refB, nameB));

    [Fact]
    public void A_referral_without_a_crime_reference_is_never_matched_by_name_alone() =>
        Assert.Null(ReferralDuplicates.KeyOf(null, "Test Person 12"));
}
