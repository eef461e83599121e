using Masip.Contracts.Nhs;
using Masip.Nhs.Liaison;
using Masip.Nhs.Liaison.RecordingCustodyContacts;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Nhs.Tests.Liaison;

public sealed class CustodyContactTests_RecordCustodyContact
{
    private static readonly Guid ContactId = Guid.Parse("1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a07");

    private static RecordCustodyContact Command(string outcome = "diverted") =>
        new(ContactId, Given.PerpetratorId, null, new DateOnly(2026, 11, 24), "Synthetic Custody Suite", outcome);

    [Theory]
    [InlineData("diverted")]
    [InlineData("mental-health-assessment-advised")]
    [InlineData("no-action")]
    public void Given_no_contact_When_recording_Then_it_is_recorded_with_the_calling_practitioner(string outcome)
    {
        var recorded = Assert.IsType<CustodyContactRecorded>(Assert.Single(RecordCustodyContactDecision.Decide(null, null, Command(outcome), Given.Clinician, Given.Now)));

        var contact = CustodyContact.Create(recorded);
        Assert.Equal((outcome, "clinician-03"), (contact.Outcome, contact.Clinician));
    }

    [Fact]
    public void Given_the_contact_When_recording_it_again_Then_nothing_changes_and_a_different_one_is_refused()
    {
        var current = CustodyContact.Create((CustodyContactRecorded)RecordCustodyContactDecision.Decide(null, null, Command(), Given.Clinician, Given.Now)[0]);

        Assert.Empty(RecordCustodyContactDecision.Decide(current, null, Command(), Given.Clinician, Given.Now.AddMinutes(1)));
        Assert.Equal("contact_id", Assert.Throws<DuplicateRecordException>(() =>
            RecordCustodyContactDecision.Decide(current, null, Command("no-action"), Given.Clinician, Given.Now)).Field);
        Assert.Equal("contact_id", Assert.Throws<DuplicateRecordException>(() =>
            RecordCustodyContactDecision.Decide(current, null, Command(), Given.AnotherClinician, Given.Now)).Field);
    }

    [Fact]
    public void Given_a_referral_When_the_contact_names_it_for_its_person_Then_it_is_recorded_and_for_another_person_FailedPrecondition()
    {
        var named = Command() with { ReferralId = Given.ReferralId };

        Assert.Single(RecordCustodyContactDecision.Decide(null, Given.AcceptedReferral(), named, Given.Clinician, Given.Now));
        Assert.Equal("referral_id", Assert.Throws<RuleViolationException>(() => RecordCustodyContactDecision.Decide(
            null, Given.AcceptedReferral(), named with { PerpetratorId = Guid.NewGuid() }, Given.Clinician, Given.Now)).Field);
    }

    [Fact]
    public void When_the_contact_is_in_the_future_Then_InvalidArgument_naming_date()
    {
        var future = Command() with { Date = new DateOnly(2026, 12, 25) };

        Assert.Equal("date", Assert.Throws<InvalidFieldException>(() => RecordCustodyContactDecision.Decide(null, null, future, Given.Clinician, Given.Now)).Field);
    }

    [Fact]
    public void When_the_outcome_is_unknown_Then_InvalidArgument_naming_outcome()
    {
        var request = new RecordCustodyContactRequest
        {
            ContactId = ContactId.ToString(), PerpetratorId = Given.PerpetratorId.ToString(), Date = "2026-11-24",
            CustodySuite = "Suite", Outcome = "released",
        };

        Assert.Equal("outcome", Assert.Throws<InvalidFieldException>(() => RecordCustodyContactDecision.Validate(request)).Field);
    }
}
