using Masip.Contracts.Nhs;
using Masip.Nhs.Liaison;
using Masip.Nhs.Liaison.RecordingCourtReports;
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

public sealed class CourtReportTests_RecordCourtReportRequest
{
    private static readonly Guid ReportId = Guid.Parse("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e08");

    private static RecordCourtReportRequest Command(string court = "Synthetic Magistrates' Court") =>
        new(ReportId, Given.PerpetratorId, Given.ReferralId, court, "defence solicitor", new DateOnly(2027, 1, 15));

    [Fact]
    public void Given_no_request_When_recording_Then_it_is_recorded_and_the_same_again_changes_nothing()
    {
        var requested = Assert.IsType<CourtReportRequested>(Assert.Single(RecordCourtReportRequestDecision.Decide(null, Command(), Given.Now)));
        var current = CourtReport.Create(requested);

        Assert.Equal(new DateOnly(2027, 1, 15), current.DueDate);
        Assert.Empty(RecordCourtReportRequestDecision.Decide(current, Command(), Given.Now));
        Assert.Equal("report_id", Assert.Throws<DuplicateRecordException>(() =>
            RecordCourtReportRequestDecision.Decide(current, Command("Synthetic Crown Court"), Given.Now)).Field);
    }

    [Fact]
    public void When_the_due_date_is_malformed_Then_InvalidArgument_naming_due_date()
    {
        var request = new RecordCourtReportRequestRequest
        {
            ReportId = ReportId.ToString(), PerpetratorId = Given.PerpetratorId.ToString(), Court = "c", RequestedBy = "r", DueDate = "15/01/2027",
        };

        Assert.Equal("due_date", Assert.Throws<InvalidFieldException>(() => RecordCourtReportRequestDecision.Validate(request)).Field);
    }
}
