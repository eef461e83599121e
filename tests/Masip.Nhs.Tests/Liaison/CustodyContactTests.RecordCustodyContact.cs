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
        new(ContactId, Given.PerpetratorId, null, new DateOnly(2026, 11, 24), "Synthetic Custody Suite", outcome, "liaison-nurse-02");

    [Theory]
    [InlineData("diverted")]
    [InlineData("mental-health-assessment-advised")]
    [InlineData("no-action")]
    public void Given_no_contact_When_recording_Then_it_is_recorded(string outcome)
    {
        var recorded = Assert.IsType<CustodyContactRecorded>(Assert.Single(RecordCustodyContactDecision.Decide(null, Command(outcome), Given.Now)));

        Assert.Equal(outcome, CustodyContact.Create(recorded).Outcome);
    }

    [Fact]
    public void Given_the_contact_When_recording_it_again_Then_nothing_changes_and_a_different_one_is_refused()
    {
        var current = CustodyContact.Create((CustodyContactRecorded)RecordCustodyContactDecision.Decide(null, Command(), Given.Now)[0]);

        Assert.Empty(RecordCustodyContactDecision.Decide(current, Command(), Given.Now.AddMinutes(1)));
        Assert.Equal("contact_id", Assert.Throws<DuplicateRecordException>(() =>
            RecordCustodyContactDecision.Decide(current, Command("no-action"), Given.Now)).Field);
    }

    [Fact]
    public void When_the_contact_is_in_the_future_Then_InvalidArgument_naming_date()
    {
        var future = Command() with { Date = new DateOnly(2026, 12, 25) };

        Assert.Equal("date", Assert.Throws<InvalidFieldException>(() => RecordCustodyContactDecision.Decide(null, future, Given.Now)).Field);
    }

    [Fact]
    public void When_the_outcome_is_unknown_Then_InvalidArgument_naming_outcome()
    {
        var request = new RecordCustodyContactRequest
        {
            ContactId = ContactId.ToString(), PerpetratorId = Given.PerpetratorId.ToString(), Date = "2026-11-24",
            CustodySuite = "Suite", Outcome = "released", Clinician = "n",
        };

        Assert.Equal("outcome", Assert.Throws<InvalidFieldException>(() => RecordCustodyContactDecision.Validate(request)).Field);
    }
}
