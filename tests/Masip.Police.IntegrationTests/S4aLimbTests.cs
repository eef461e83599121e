using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>s4A(i) or s4A(ii) at review (issue 17): the reviewer's finding, else what the record says; never on a report that is not s4A.</summary>
public sealed class S4aLimbTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _host = null!;

    public async Task InitializeAsync() => _host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> Imported(string offence, bool fear, bool alarm)
    {
        var record = Synthetic.Report(offence: offence);
        (record.FearOfViolence, record.SeriousAlarmOrDistress) = (fear, alarm);
        await new PoliceIntake.PoliceIntakeClient(_host.Channel).ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { record } });
        return Cases.Masip_CaseId(record.CrimeReference);
    }

    [Fact]
    public async Task The_review_records_the_limb_found_or_the_one_the_record_supports_and_refuses_it_on_a_report_that_is_not_s4A()
    {
        var reviews = new StacReviews.StacReviewsClient(_host.Channel);
        var fearOnly = await Imported("s4A", fear: true, alarm: false);
        var both = await Imported("s4A", fear: true, alarm: true);
        var harassment = await Imported("harassment", fear: true, alarm: false);

        var derived = await reviews.ReviewReportAsync(ReviewTests.Review(fearOnly));
        var found = ReviewTests.Review(both);
        found.S4ALimb = "ii";
        var stated = await reviews.ReviewReportAsync(found);
        var notS4A = ReviewTests.Review(harassment);
        notS4A.S4ALimb = "i";
        var refused = await Assert.ThrowsAsync<RpcException>(() => reviews.ReviewReportAsync(notS4A).ResponseAsync);
        var bad = ReviewTests.Review(harassment);
        bad.S4ALimb = "iii";
        var unknown = await Assert.ThrowsAsync<RpcException>(() => reviews.ReviewReportAsync(bad).ResponseAsync);
        var plain = await reviews.ReviewReportAsync(ReviewTests.Review(harassment));

        Assert.Equal(("i", "ii", ""), (derived.Review.S4ALimb, stated.Review.S4ALimb, plain.Review.S4ALimb));
        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (refused.StatusCode, unknown.StatusCode));
        Assert.StartsWith("s4a_limb:", refused.Status.Detail);
        Assert.StartsWith("s4a_limb:", unknown.Status.Detail);

        var today = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");
        var rows = (await new PoliceStatistics.PoliceStatisticsClient(_host.Channel).ListMonthlyStatisticsAsync(
            new ListMonthlyStatisticsRequest { ReportedFrom = today, ReportedTo = today, Borough = "Borough A" })).Rows;
        Assert.Equal((1, 1, 0), (rows.Sum(r => r.ReviewedS4AI), rows.Sum(r => r.ReviewedS4AIi), rows.Sum(r => r.ReviewedS4ABoth)));
    }
}
