using Masip.Contracts.Nhs;
using Masip.Nhs.Referrals;
using Masip.Nhs.Referrals.RecordingReferrals;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Nhs.Tests.Referrals;

public sealed class ReferralTests_RecordReferral
{
    private static RecordReferral Command(string reason = "s4A case, fixated on ex-partner") => new(
        Given.ReferralId, "probation", Given.PerpetratorId, null, "Test Person 12", new DateOnly(1980, 2, 3), "99/123456X",
        "intervention", "medium", reason, "probation-officer-07");

    [Fact]
    public void Given_no_referral_When_recording_Then_it_is_received_with_its_route_and_waits()
    {
        var events = RecordReferralDecision.Decide(null, Command(), Given.Clinician, Given.Now);

        var received = Assert.IsType<ReferralReceived>(Assert.Single(events));
        Assert.Equal("probation", received.Route);
        Assert.Equal(Given.Now, received.ReceivedAt);
        var referral = Referral.Create(received);
        Assert.Equal(ReferralStatus.Waiting, referral.Status);
        Assert.Equal(2, referral.RiskRank);
    }

    [Fact]
    public void Given_no_referral_When_a_clinician_records_an_outside_referral_Then_the_referrer_is_kept_and_the_clinician_recorded_it()
    {
        var received = Assert.IsType<ReferralReceived>(Assert.Single(RecordReferralDecision.Decide(null, Command(), Given.Clinician, Given.Now)));

        Assert.Equal(("probation-officer-07", "clinician-03"), (received.ReferredBy, received.RecordedBy));
    }

    [Fact]
    public void Given_the_same_referral_When_recording_again_even_by_another_clinician_Then_nothing_changes()
    {
        var current = Referral.Create((ReferralReceived)RecordReferralDecision.Decide(null, Command(), Given.Clinician, Given.Now)[0]);

        Assert.Empty(RecordReferralDecision.Decide(current, Command(), Given.Clinician, Given.Now.AddHours(1)));
        Assert.Empty(RecordReferralDecision.Decide(current, Command(), Given.AnotherClinician, Given.Now.AddHours(1)));
    }

    [Fact]
    public void Given_a_referral_When_a_different_one_uses_its_id_Then_AlreadyExists_naming_referral_id()
    {
        var current = Referral.Create((ReferralReceived)RecordReferralDecision.Decide(null, Command(), Given.Clinician, Given.Now)[0]);

        var error = Assert.Throws<DuplicateRecordException>(() => RecordReferralDecision.Decide(current, Command("other"), Given.Clinician, Given.Now));
        var otherReferrer = Assert.Throws<DuplicateRecordException>(() =>
            RecordReferralDecision.Decide(current, Command() with { Referrer = "gp-surgery-4" }, Given.Clinician, Given.Now));

        Assert.Equal("referral_id", error.Field);
        Assert.Equal("referral_id", otherReferrer.Field);
    }

    [Theory]
    [InlineData("route", "hospital")]
    [InlineData("risk_level", "extreme")]
    [InlineData("service", "group-programme")]
    [InlineData("perpetrator_id", "not-a-uuid")]
    [InlineData("perpetrator_name", "")]
    [InlineData("referrer", " ")]
    public void When_a_field_is_wrong_Then_InvalidArgument_names_it(string field, string value)
    {
        var request = new RecordReferralRequest
        {
            ReferralId = Given.ReferralId.ToString(), Route = "probation", PerpetratorId = Given.PerpetratorId.ToString(),
            PerpetratorName = "Test Person 12", Service = "assessment", RiskLevel = "high", Reason = "r", Referrer = "po-1",
        };
        RecordReferralRequest.Descriptor.FindFieldByName(field).Accessor.SetValue(request, value);

        var error = Assert.Throws<InvalidFieldException>(() => RecordReferralDecision.Validate(request));

        Assert.Equal(field, error.Field);
    }
}
