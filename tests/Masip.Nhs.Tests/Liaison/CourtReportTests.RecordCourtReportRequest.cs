using Masip.Contracts.Nhs;
using Masip.Nhs.Liaison;
using Masip.Nhs.Liaison.RecordingCourtReports;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Nhs.Tests.Liaison;

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
