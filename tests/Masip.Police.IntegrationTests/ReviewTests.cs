using Grpc.Core;
using Masip.Contracts.Common;
using Masip.Contracts.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Police.IntegrationTests;

public sealed class ReviewTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private PoliceIntake.PoliceIntakeClient _intake = null!;
    private StacReviews.StacReviewsClient _reviews = null!;

    public async Task InitializeAsync()
    {
        var host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        _intake = new PoliceIntake.PoliceIntakeClient(host.Channel);
        _reviews = new StacReviews.StacReviewsClient(host.Channel);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<CaseReply> Import(CrimeReportRecord record) =>
        await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = record });

    internal static ReviewReportRequest Review(string caseId, int tier = 1, bool reReview = false) => new()
    {
        CaseId = caseId, Fixated = true, Obsessive = true, Unwanted = true, RepeatedConduct = true, RiskLevel = "high",
        RiskRationale = "escalating", AdviceToOic = "consider an SPO", Tier = tier, TierReasons = "several partners", ReviewedBy = "stac-1",
        ReReview = reReview,
    };

    [Fact]
    public async Task The_queue_puts_s4A_first_then_s2A_breach_harassment_malicious_communications_and_known_suspects_first_within_each()
    {
        var borough = "Queue Borough " + Guid.NewGuid().ToString("N")[..6];
        var pnc = Synthetic.UniquePnc();
        var records = new[]
        {
            Synthetic.Report(offence: "malicious-communications", suspect: "Test Suspect Q1", borough: borough),
            Synthetic.Report(offence: "harassment", suspect: "Test Suspect Q2", borough: borough),
            Synthetic.Report(offence: "harassment", suspect: "Test Suspect Q3", pnc: pnc, borough: borough),
            Synthetic.Report(offence: "s4A", suspect: "Test Suspect Q4", borough: borough),
            Synthetic.Report(offence: "breach", suspect: "Test Suspect Q5", borough: borough),
            Synthetic.Report(offence: "s2A", suspect: "Test Suspect Q6", borough: borough),
            Synthetic.Report(offence: "s4A", suspect: "Test Suspect Q3", pnc: pnc, borough: borough),
        };
        await _intake.ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { records } });

        var queue = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest { Borough = borough });

        Assert.Equal(7, queue.Total);
        Assert.Equal(
            [records[6], records[3], records[5], records[4], records[2], records[1], records[0]],
            queue.Items.Select(i => records.Single(r => r.CrimeReference == i.CrimeReference)));
        Assert.True(queue.Items[0].SuspectKnown);
        Assert.Equal(["repeat-perpetrator"], queue.Items[4].SuspectKnownReasons);
        Assert.False(queue.Items[1].SuspectKnown);
        var s4aOnly = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest { Borough = borough, Offence = "s4A" });
        Assert.Equal(2, s4aOnly.Total);
        var paged = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest { Borough = borough, Page = new PageRequest { PageSize = 5 } });
        var next = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest
        {
            Borough = borough, Page = new PageRequest { PageSize = 5, PageToken = paged.NextPageToken },
        });
        Assert.Equal(queue.Items.Select(i => i.CaseId), paged.Items.Concat(next.Items).Select(i => i.CaseId));
        Assert.Equal("", next.NextPageToken);
        var flagged = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest { Borough = borough, Flag = "online-element" });
        Assert.Equal(0, flagged.Total);
        var dated = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest { Borough = borough, ReportedFrom = Synthetic.DaysAgo(0) });
        Assert.Equal(0, dated.Total);
    }

    [Fact]
    public async Task A_reclassification_moves_the_report_in_the_queue_and_keeps_who_and_why()
    {
        var borough = "Reclass Borough " + Guid.NewGuid().ToString("N")[..6];
        var harassment = await Import(Synthetic.Report(offence: "harassment", borough: borough));
        await Import(Synthetic.Report(offence: "s2A", borough: borough));

        var reclassified = await _reviews.ReclassifyReportAsync(new ReclassifyReportRequest
        {
            CaseId = harassment.CaseId, PrincipalClassification = "s4A", IncludedClassifications = { "harassment" },
            Reason = "threats of violence: fear of violence", ReclassifiedBy = "stac-1",
        });
        var bad = await Assert.ThrowsAsync<RpcException>(() => _reviews.ReclassifyReportAsync(new ReclassifyReportRequest
        {
            CaseId = harassment.CaseId, PrincipalClassification = "burglary", Reason = "x", ReclassifiedBy = "stac-1",
        }).ResponseAsync);

        Assert.Equal("s4A", reclassified.PrincipalClassification);
        Assert.Equal(("stac-1", "threats of violence: fear of violence"), (reclassified.ClassificationHistory[^1].Source, reclassified.ClassificationHistory[^1].Reason));
        var queue = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest { Borough = borough });
        Assert.Equal(harassment.CaseId, queue.Items[0].CaseId);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.StartsWith("principal_classification:", bad.Status.Detail);
        Assert.Equal("s4A", (await _intake.GetCaseAsync(new GetCaseRequest { CaseId = harassment.CaseId })).PrincipalClassification);
    }

    [Fact]
    public async Task A_bad_queue_filter_is_InvalidArgument_naming_it()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _reviews.GetReviewQueueAsync(new GetReviewQueueRequest { Offence = "burglary" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("offence:", error.Status.Detail);
    }

    [Fact]
    public async Task A_reviewed_report_leaves_the_queue_and_a_second_review_needs_re_review()
    {
        var borough = "Review Borough " + Guid.NewGuid().ToString("N")[..6];
        var view = await Import(Synthetic.Report(borough: borough));

        var reviewed = await _reviews.ReviewReportAsync(Review(view.CaseId, tier: 2));
        var again = await Assert.ThrowsAsync<RpcException>(() => _reviews.ReviewReportAsync(Review(view.CaseId, tier: 3)).ResponseAsync);
        var reReviewed = await _reviews.ReviewReportAsync(Review(view.CaseId, tier: 3, reReview: true));

        Assert.Equal(("reviewed", 2, "high"), (reviewed.Status, reviewed.Tier, reviewed.Review.RiskLevel));
        Assert.True(reviewed.Review.RepeatedConduct);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.StartsWith("re_review:", again.Status.Detail);
        Assert.Equal((3, 2), (reReviewed.Tier, reReviewed.Review.Reviews));
        var queue = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest { Borough = borough });
        Assert.Equal(0, queue.Total);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public async Task A_tier_outside_1_to_3_is_InvalidArgument_naming_tier_and_nothing_changes(int tier)
    {
        var view = await Import(Synthetic.Report());

        var error = await Assert.ThrowsAsync<RpcException>(() => _reviews.ReviewReportAsync(Review(view.CaseId, tier)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("tier:", error.Status.Detail);
        var after = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = view.CaseId });
        Assert.Equal(("awaiting-review", 0), (after.Status, after.Tier));
    }

    [Fact]
    public async Task Reviewing_an_unknown_case_is_NotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _reviews.ReviewReportAsync(Review(Guid.NewGuid().ToString())).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.StartsWith("case_id:", error.Status.Detail);
    }

    [Fact]
    public async Task Retiering_moves_the_tier_and_keeps_the_history_and_an_unreviewed_case_cannot_be_retiered()
    {
        var view = await Import(Synthetic.Report());
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            _reviews.RetierAsync(new RetierRequest { CaseId = view.CaseId, Tier = 3, Reason = "x", TieredBy = "chair-1" }).ResponseAsync);
        await _reviews.ReviewReportAsync(Review(view.CaseId, tier: 1));

        var retiered = await _reviews.RetierAsync(new RetierRequest { CaseId = view.CaseId, Tier = 3, Reason = "DMM escalation", TieredBy = "chair-1" });

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal(3, retiered.Tier);
        Assert.Equal([1, 3], retiered.TierHistory.Select(t => t.Tier));
    }

    [Fact]
    public async Task An_s2A_case_5_months_old_shows_its_limit_date_and_the_30_day_alert()
    {
        var first = DateTime.UtcNow.Date.AddMonths(-5);
        var record = Synthetic.Report(offence: "s2A");
        record.OffenceDate = first.ToString("yyyy-MM-dd");
        var view = await Import(record);

        var clocks = await _reviews.GetClocksAsync(new GetClocksRequest { CaseId = view.CaseId });

        Assert.Equal(first.AddMonths(6).ToString("yyyy-MM-dd"), clocks.ProsecutionLimitDate);
        Assert.True(clocks.ProsecutionAlert);
        Assert.True(view.Clocks.ProsecutionAlert);
        Assert.Equal(28, clocks.VictimUpdateCadenceDays);
        Assert.False(clocks.VictimUpdateOverdue);
    }

    [Fact]
    public async Task The_prosecution_alert_list_holds_open_s2A_cases_near_their_limit_most_urgent_first()
    {
        var near = Synthetic.Report(offence: "s2A");
        near.OffenceDate = DateTime.UtcNow.Date.AddMonths(-5).AddDays(-10).ToString("yyyy-MM-dd");
        var nearer = Synthetic.Report(offence: "s2A");
        nearer.OffenceDate = DateTime.UtcNow.Date.AddMonths(-5).AddDays(-20).ToString("yyyy-MM-dd");
        var young = Synthetic.Report(offence: "s2A", offenceDaysAgo: 60);
        var s4a = Synthetic.Report(offence: "s4A");
        s4a.OffenceDate = near.OffenceDate;
        await _intake.ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { near, nearer, young, s4a } });

        var alerts = await _reviews.ListProsecutionAlertsAsync(new ListProsecutionAlertsRequest());

        var mine = alerts.Alerts.Where(a => new[] { near, nearer, young, s4a }.Any(r => r.CrimeReference == a.CrimeReference)).ToList();
        Assert.Equal([nearer.CrimeReference, near.CrimeReference], mine.Select(a => a.CrimeReference));
        Assert.True(mine[0].DaysToProsecutionLimit < mine[1].DaysToProsecutionLimit);
        Assert.Equal(DateTime.Parse(near.OffenceDate).AddMonths(6).ToString("yyyy-MM-dd"), mine[1].ProsecutionLimitDate);
    }

    [Fact]
    public async Task The_victim_update_cadence_is_agreed_and_an_update_restarts_the_clock()
    {
        var view = await Import(Synthetic.Report());

        var agreed = await _reviews.AgreeVictimUpdateCadenceAsync(new AgreeVictimUpdateCadenceRequest
        {
            CaseId = view.CaseId, Days = 7, AgreedWith = "victim", RecordedBy = "officer-101",
        });
        var updated = await _reviews.RecordVictimUpdateAsync(new RecordVictimUpdateRequest { CaseId = view.CaseId, Channel = "phone", RecordedBy = "officer-101" });
        var bad = await Assert.ThrowsAsync<RpcException>(() => _reviews.AgreeVictimUpdateCadenceAsync(new AgreeVictimUpdateCadenceRequest
        {
            CaseId = view.CaseId, Days = 0, AgreedWith = "victim", RecordedBy = "officer-101",
        }).ResponseAsync);

        Assert.Equal(7, agreed.Clocks.VictimUpdateCadenceDays);
        Assert.NotEqual("", updated.Clocks.LastVictimUpdateAt);
        Assert.True(DateTimeOffset.Parse(updated.Clocks.VictimUpdateDueAt) > DateTimeOffset.UtcNow.AddDays(6));
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.StartsWith("days:", bad.Status.Detail);
        Assert.Equal(7, (await _reviews.GetClocksAsync(new GetClocksRequest { CaseId = view.CaseId })).VictimUpdateCadenceDays);
    }

    [Fact]
    public async Task A_case_closes_only_after_the_SPO_was_considered()
    {
        var view = await Import(Synthetic.Report());

        var error = await Assert.ThrowsAsync<RpcException>(() => _reviews.CloseCaseAsync(new CloseCaseRequest
        {
            CaseId = view.CaseId, Outcome = "nfa", Reason = "victim does not support", ClosedBy = "officer-101",
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.StartsWith("spo_considered:", error.Status.Detail);
        Assert.Equal("awaiting-review", (await _intake.GetCaseAsync(new GetCaseRequest { CaseId = view.CaseId })).Status);
    }
}
