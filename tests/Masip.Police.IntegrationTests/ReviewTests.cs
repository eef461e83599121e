using Grpc.Core;
using Marten;
using Masip.Police.Cases;
using Masip.Police.Reviews.Queue;
using Masip.ServiceDefaults.Lists;
using Masip.ServiceDefaults.Commands;
using Microsoft.Extensions.DependencyInjection;
using Masip.Contracts.Common;
using Masip.Contracts.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Police.IntegrationTests;

public sealed class ReviewTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _host = null!;
    private PoliceIntake.PoliceIntakeClient _intake = null!;
    private StacReviews.StacReviewsClient _reviews = null!;

    public async Task InitializeAsync()
    {
        _host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        _intake = new PoliceIntake.PoliceIntakeClient(_host.Channel);
        _reviews = new StacReviews.StacReviewsClient(_host.Channel);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<CaseReply> Import(CrimeReportRecord record) =>
        await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = record });

    internal static ReviewReportRequest Review(string caseId, int tier = 1, bool reReview = false) => new()
    {
        CaseId = caseId, Fixated = true, Obsessive = true, Unwanted = true, RepeatedConduct = true, RiskLevel = "high",
        RiskRationale = "escalating", AdviceToOic = "consider an SPO", Tier = tier, TierReasons = "several partners",
        ReReview = reReview, S2AJustification = "one incident, no fear or alarm: s2A", // used only when the report is s2A
    };

    [Fact]
    public async Task The_queue_indexes_as_configured_are_what_the_database_holds_so_a_restart_changes_no_schema()
    {
        // The case table's indexes are (filter, queue key) pairs and partial indexes on the flags: a
        // definition PostgreSQL stores differently from the configuration would be re-created at every start.
        var store = _host.Services.GetRequiredService<IDocumentStore>();
        var migration = await store.Storage.Database.CreateMigrationAsync(((DocumentStore)store).Options.Storage.FindFeature(typeof(StacCase)));
        Assert.Equal(Weasel.Core.SchemaPatchDifference.None, migration.Difference);

        await using var session = store.QuerySession();
        var indexes = await session.QueryAsync<string>(
            "select indexdef from pg_indexes where tablename = 'mt_doc_staccase'");
        var all = string.Join("\n", indexes);
        Assert.True(indexes.Any(i => i.Contains("(borough, queue_key)")), all);
        Assert.True(indexes.Any(i => i.Contains("(principal, queue_key)")), all);
        Assert.True(indexes.Any(i => i.Contains("(report_flags_online_element) WHERE (report_flags_online_element = true)")), all);
    }

    [Fact]
    public async Task The_queue_total_is_counted_up_to_a_thousand_reports_and_past_that_is_an_estimate_marked_as_such()
    {
        var borough = "Backlog Borough " + Guid.NewGuid().ToString("N")[..6];
        var records = Enumerable.Range(0, ReviewQueue.CountedUpTo + 1).Select(_ => Synthetic.Report(borough: borough)).ToList();
        await _intake.ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { records.Take(ReviewQueue.CountedUpTo) } });

        var counted = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest { Borough = borough });
        Assert.Equal(ReviewQueue.CountedUpTo, counted.Page.Total);
        Assert.False(counted.Page.TotalIsEstimate);

        await _intake.ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { records.Skip(ReviewQueue.CountedUpTo) } });
        var estimated = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest { Borough = borough });
        Assert.True(estimated.Page.TotalIsEstimate);
        Assert.True(estimated.Page.Total > ReviewQueue.CountedUpTo, $"an estimate never below the count reached; got {estimated.Page.Total}");
        Assert.Equal(Paging.DefaultSize, estimated.Items.Count);
    }

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

        Assert.Equal(7, queue.Page.Total);
        Assert.False(queue.Page.TotalIsEstimate);
        Assert.Equal(
            [records[6], records[3], records[5], records[4], records[2], records[1], records[0]],
            queue.Items.Select(i => records.Single(r => r.CrimeReference == i.CrimeReference)));
        Assert.True(queue.Items[0].SuspectKnown);
        Assert.Equal(["repeat-perpetrator"], queue.Items[4].SuspectKnownReasons);
        Assert.False(queue.Items[1].SuspectKnown);
        var s4aOnly = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest { Borough = borough, Offence = "s4A" });
        Assert.Equal(2, s4aOnly.Page.Total);
        var paged = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest { Borough = borough, Page = new PageRequest { PageSize = 5 } });
        var next = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest
        {
            Borough = borough, Page = new PageRequest { PageSize = 5, PageToken = paged.Page.NextPageToken },
        });
        Assert.Equal(queue.Items.Select(i => i.CaseId), paged.Items.Concat(next.Items).Select(i => i.CaseId));
        Assert.Equal("", next.Page.NextPageToken);
        var flagged = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest { Borough = borough, Flag = "online-element" });
        Assert.Equal(0, flagged.Page.Total);
        var dated = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest { Borough = borough, ReportedFrom = Synthetic.DaysAgo(0) });
        Assert.Equal(0, dated.Page.Total);
    }

    [Fact]
    public async Task The_queue_pages_from_the_last_report_shown_so_a_report_reviewed_meanwhile_never_makes_the_next_page_skip_one()
    {
        var borough = "Paging Borough " + Guid.NewGuid().ToString("N")[..6];
        await _intake.ImportCrimeReportsAsync(new ImportCrimeReportsRequest
        {
            Records = { Enumerable.Range(0, 7).Select(i => Synthetic.Report(offence: i % 2 == 0 ? "s4A" : "harassment", borough: borough)) },
        });
        var whole = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest { Borough = borough });

        var first = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest { Borough = borough, Page = new PageRequest { PageSize = 3 } });
        await _reviews.ReviewReportAsync(Review(first.Items[0].CaseId));
        var second = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest
        {
            Borough = borough, Page = new PageRequest { PageSize = 3, PageToken = first.Page.NextPageToken },
        });
        var third = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest
        {
            Borough = borough, Page = new PageRequest { PageSize = 3, PageToken = second.Page.NextPageToken },
        });

        Assert.Equal(7, whole.Page.Total);
        Assert.Equal(whole.Items.Select(i => i.CaseId), first.Items.Concat(second.Items).Concat(third.Items).Select(i => i.CaseId));
        Assert.Equal(6, second.Page.Total);
        Assert.Equal("", third.Page.NextPageToken);
        var forged = await Assert.ThrowsAsync<RpcException>(() => _reviews.GetReviewQueueAsync(new GetReviewQueueRequest
        {
            Page = new PageRequest { PageToken = "not-a-token" },
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, forged.StatusCode);
        Assert.StartsWith("page.page_token:", forged.Status.Detail);
    }

    [Fact]
    public async Task The_reviewing_officer_is_the_caller_in_the_reply_and_on_the_events()
    {
        var view = await Import(Synthetic.Report());
        var officer = new StacReviews.StacReviewsClient(_host.ChannelAs("police", "stac-officer", subject: "officer-4471"));

        var reviewed = await officer.ReviewReportAsync(Review(view.CaseId, tier: 2));

        Assert.Equal(("officer-4471", "officer-4471"), (reviewed.Review.ReviewedBy, reviewed.TierHistory[^1].TieredBy));
        await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(StacCase.IdFor(view.CrimeReference));
        var decided = events.Where(e => e.Data is ReportReviewed or CaseTiered).ToList();
        Assert.Equal(2, decided.Count);
        Assert.All(decided, e => Assert.Equal(("officer-4471", "police", "stac-officer"),
            (e.UserName, e.Headers![Actor.AgencyHeader]!.ToString(), e.Headers[Actor.RoleHeader]!.ToString())));
    }

    [Fact]
    public async Task A_NUL_in_a_rationale_is_InvalidArgument_naming_the_field_and_the_report_stays_unreviewed()
    {
        var view = await Import(Synthetic.Report());
        var request = Review(view.CaseId);
        request.RiskRationale = "escalating\0contact";

        var error = await Assert.ThrowsAsync<RpcException>(() => _reviews.ReviewReportAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("risk_rationale: must not contain a NUL character", error.Status.Detail);
        Assert.Equal("awaiting-review", (await _intake.GetCaseAsync(new GetCaseRequest { CaseId = view.CaseId })).Status);
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
            Reason = "threats of violence: fear of violence",
        });
        var bad = await Assert.ThrowsAsync<RpcException>(() => _reviews.ReclassifyReportAsync(new ReclassifyReportRequest
        {
            CaseId = harassment.CaseId, PrincipalClassification = "burglary", Reason = "x",
        }).ResponseAsync);

        Assert.Equal("s4A", reclassified.PrincipalClassification);
        Assert.Equal(("test-police-stac-officer", "threats of violence: fear of violence"),
            (reclassified.ClassificationHistory[^1].Source, reclassified.ClassificationHistory[^1].Reason));
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
        Assert.Equal(0, queue.Page.Total);
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
            _reviews.RetierAsync(new RetierRequest { CaseId = view.CaseId, Tier = 3, Reason = "x" }).ResponseAsync);
        await _reviews.ReviewReportAsync(Review(view.CaseId, tier: 1));

        var retiered = await _reviews.RetierAsync(new RetierRequest { CaseId = view.CaseId, Tier = 3, Reason = "DMM escalation" });

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
        // One alert a page, followed to the end: every alert once, in the same order, and the total says how many.
        var paged = new List<ProsecutionAlert>();
        var request = new ListProsecutionAlertsRequest { Page = new PageRequest { PageSize = 1 } };
        do
        {
            var page = await _reviews.ListProsecutionAlertsAsync(request);
            paged.AddRange(page.Alerts);
            Assert.Equal(alerts.Page.Total, page.Page.Total);
            request.Page.PageToken = page.Page.NextPageToken;
        }
        while (request.Page.PageToken.Length > 0);

        var mine = alerts.Alerts.Where(a => new[] { near, nearer, young, s4a }.Any(r => r.CrimeReference == a.CrimeReference)).ToList();
        Assert.Equal([nearer.CrimeReference, near.CrimeReference], mine.Select(a => a.CrimeReference));
        Assert.True(mine[0].DaysToProsecutionLimit < mine[1].DaysToProsecutionLimit);
        Assert.Equal(DateTime.Parse(near.OffenceDate).AddMonths(6).ToString("yyyy-MM-dd"), mine[1].ProsecutionLimitDate);
        Assert.Equal(alerts.Alerts.Count, alerts.Page.Total);
        Assert.Equal(alerts.Alerts.Select(a => a.CaseId), paged.Select(a => a.CaseId));
    }

    [Fact]
    public async Task The_victim_update_cadence_is_agreed_and_an_update_restarts_the_clock()
    {
        var view = await Import(Synthetic.Report());

        var agreed = await _reviews.AgreeVictimUpdateCadenceAsync(new AgreeVictimUpdateCadenceRequest
        {
            CaseId = view.CaseId, Days = 7, AgreedWith = "victim",
        });
        var updated = await _reviews.RecordVictimUpdateAsync(new RecordVictimUpdateRequest { CaseId = view.CaseId, Channel = "phone" });
        var bad = await Assert.ThrowsAsync<RpcException>(() => _reviews.AgreeVictimUpdateCadenceAsync(new AgreeVictimUpdateCadenceRequest
        {
            CaseId = view.CaseId, Days = 0, AgreedWith = "victim",
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
            CaseId = view.CaseId, Outcome = "nfa", Reason = "victim does not support",
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.StartsWith("spo_considered:", error.Status.Detail);
        Assert.Equal("awaiting-review", (await _intake.GetCaseAsync(new GetCaseRequest { CaseId = view.CaseId })).Status);
    }
}
