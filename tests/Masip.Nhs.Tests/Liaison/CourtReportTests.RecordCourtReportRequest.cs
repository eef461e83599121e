using Masip.Contracts.Nhs;
using Masip.Nhs.Liaison;
using Masip.Nhs.Liaison.RecordingCourtReports;
using Masip.Nhs.Referrals;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Nhs.Tests.Liaison;

public sealed class CourtReportTests_RecordCourtReportRequest
{
    private static readonly Guid ReportId = Guid.Parse("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e08");

    private static RecordCourtReportRequest Command(string court = "Synthetic Magistrates' Court", Guid? perpetrator = null) =>
        new(ReportId, perpetrator ?? Given.PerpetratorId, Given.ReferralId, court, "defence solicitor", new DateOnly(2027, 1, 15));

    [Fact]
    public void Given_no_request_When_recording_Then_the_requester_is_kept_the_caller_recorded_it_and_the_same_again_changes_nothing()
    {
        var requested = Assert.IsType<CourtReportRequested>(Assert.Single(
            RecordCourtReportRequestDecision.Decide(null, Given.AcceptedReferral(), Command(), Given.Clinician, Given.Now)));
        var current = CourtReport.Create(requested);

        Assert.Equal((new DateOnly(2027, 1, 15), "defence solicitor", "clinician-03"), (current.DueDate, current.RequestedBy, current.RecordedBy));
        Assert.Empty(RecordCourtReportRequestDecision.Decide(current, Given.AcceptedReferral(), Command(), Given.AnotherClinician, Given.Now));
        Assert.Equal("report_id", Assert.Throws<DuplicateRecordException>(() =>
            RecordCourtReportRequestDecision.Decide(current, Given.AcceptedReferral(), Command("Synthetic Crown Court"), Given.Clinician, Given.Now)).Field);
    }

    [Fact]
    public void Given_a_referral_of_another_person_When_recording_Then_FailedPrecondition_naming_referral_id()
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            RecordCourtReportRequestDecision.Decide(null, Given.AcceptedReferral(), Command(perpetrator: Guid.NewGuid()), Given.Clinician, Given.Now));

        Assert.Equal("referral_id", error.Field);
    }

    [Fact]
    public void Given_no_referral_named_When_recording_Then_it_is_recorded()
    {
        Assert.Single(RecordCourtReportRequestDecision.Decide(null, null, Command() with { ReferralId = null }, Given.Clinician, Given.Now));
    }

    [Fact]
    public void When_the_due_date_is_malformed_Then_InvalidArgument_naming_due_date()
    {
        var request = new RecordCourtReportRequestRequest
        {
            ReportId = ReportId.ToString(), PerpetratorId = Given.PerpetratorId.ToString(), Court = "c", Requester = "r", DueDate = "15/01/2027",
        };

        Assert.Equal("due_date", Assert.Throws<InvalidFieldException>(() => RecordCourtReportRequestDecision.Validate(request)).Field);
    }
}
