using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>Its own test class, so its own database: the counts are exact.</summary>
public sealed class StatisticsTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private PoliceIntake.PoliceIntakeClient _intake = null!;
    private StacReviews.StacReviewsClient _reviews = null!;
    private PoliceSpo.PoliceSpoClient _spo = null!;
    private PoliceReferrals.PoliceReferralsClient _referrals = null!;
    private PoliceStatistics.PoliceStatisticsClient _statistics = null!;

    public async Task InitializeAsync()
    {
        var host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        _intake = new PoliceIntake.PoliceIntakeClient(host.Channel);
        _reviews = new StacReviews.StacReviewsClient(host.Channel);
        _spo = new PoliceSpo.PoliceSpoClient(host.Channel);
        _referrals = new PoliceReferrals.PoliceReferralsClient(host.Channel);
        _statistics = new PoliceStatistics.PoliceStatisticsClient(host.Channel);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_statistics_count_offences_context_SPOs_and_advocacy_referrals_for_the_period()
    {
        var s4a = Synthetic.Report(offence: "s4A");
        var s2a = Synthetic.Report(offence: "s2A");
        s2a.DomesticAbuse = false;
        s2a.OnlineElement = true;
        var harassment = Synthetic.Report(offence: "harassment");
        var old = Synthetic.Report(offence: "s4A");
        old.ReportedOn = Synthetic.DaysAgo(400);
        old.OffenceDate = Synthetic.DaysAgo(410);
        await _intake.ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { s4a, s2a, harassment, old } });
        var s4aCase = Cases.Masip_CaseId(s4a.CrimeReference);
        await _reviews.ReviewReportAsync(ReviewTests.Review(s4aCase));
        await _reviews.ReviewReportAsync(ReviewTests.Review(Cases.Masip_CaseId(s2a.CrimeReference)));
        await _spo.RecordSpoApplicationAsync(new RecordSpoApplicationRequest { CaseId = s4aCase, Stage = "interim", AppliedOn = Synthetic.DaysAgo(1), VictimConsent = "given" });
        await _spo.RecordSpoDecisionAsync(new RecordSpoDecisionRequest
        {
            CaseId = s4aCase, Stage = "interim", Granted = true, Prohibitions = { "no contact" }, Reason = "risk",
        });
        await _spo.RecordSpoBreachAsync(new RecordSpoBreachRequest { CaseId = s4aCase, BreachedOn = Synthetic.DaysAgo(0), Details = "x" });
        await _spo.RecordSpoConsideredAsync(new RecordSpoConsideredRequest { CaseId = Cases.Masip_CaseId(s2a.CrimeReference), WillApply = false, Reason = "no" });
        await _referrals.ReferVictimToAdvocacyAsync(new ReferVictimToAdvocacyRequest
        {
            ReferralId = Guid.NewGuid().ToString(), CrimeReference = s4a.CrimeReference, VictimName = s4a.VictimName, Reason = "support",
        });

        var stats = await _statistics.GetStatisticsAsync(new GetStatisticsRequest { ReportedFrom = Synthetic.DaysAgo(30), ReportedTo = Synthetic.DaysAgo(0) });
        var all = await _statistics.GetStatisticsAsync(new GetStatisticsRequest());

        Assert.Equal((3, 1, 1, 2, 1), (stats.Reports, stats.S4A, stats.S2A, stats.DomesticAbuse, stats.OnlineElement));
        Assert.Equal((2, 2, 1, 1, 1), (stats.Reviewed, stats.SpoConsidered, stats.SpoApplied, stats.SpoGranted, stats.SpoBreached));
        Assert.Equal((1, 0.5), (stats.ReferredToAdvocacy, stats.AdvocacyReferralRate));
        Assert.Equal(1.0, stats.MeanDaysApplicationToGrant);
        Assert.Equal((4, 2), (all.Reports, all.S4A));
    }

    [Fact]
    public async Task A_period_ending_before_it_starts_is_InvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _statistics.GetStatisticsAsync(new GetStatisticsRequest
        {
            ReportedFrom = Synthetic.DaysAgo(1), ReportedTo = Synthetic.DaysAgo(5),
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("reported_to:", error.Status.Detail);
    }
}
