using Masip.Contracts.Common;
using Masip.Contracts.Messages;
using Masip.Contracts.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>Issue 16.4: the Griffin list (paged, by review date, risk, status) and the review-due alert for the Griffin meeting.</summary>
public sealed class GriffinListTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private PoliceIntake.PoliceIntakeClient _intake = null!;
    private StacReviews.StacReviewsClient _reviews = null!;
    private OperationGriffin.OperationGriffinClient _griffin = null!;
    private OperationGriffin.OperationGriffinClient _chair = null!;
    private BrokerProbe _reviewDue = null!;

    public async Task InitializeAsync()
    {
        _reviewDue = await BrokerProbe.ListenAsync<NominalReviewDueV1>(bed);
        var host = await bed.StartAsync<PoliceHost>(PoliceHost.Name, new Dictionary<string, string?> { ["Masip:Police:ClockScan:Interval"] = "00:00:01" });
        _intake = new PoliceIntake.PoliceIntakeClient(host.Channel);
        _reviews = new StacReviews.StacReviewsClient(host.Channel);
        _griffin = new OperationGriffin.OperationGriffinClient(host.Channel);
        _chair = new OperationGriffin.OperationGriffinClient(host.ChannelAs("police", "meeting-chair", "griffin"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<NominalReply> Nominal(int reviewInDays, string risk = "high")
    {
        var view = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report(pnc: Synthetic.UniquePnc()) });
        var review = ReviewTests.Review(view.CaseId, tier: 3);
        review.RiskLevel = risk;
        await _reviews.ReviewReportAsync(review);
        var nominated = await _griffin.NominateToGriffinAsync(new NominateToGriffinRequest
        {
            CaseId = view.CaseId, Criteria = { "high harm" }, Rationale = "escalating",
        });
        return await _chair.DecideNominationAsync(new DecideNominationRequest
        {
            NominalId = nominated.NominalId, Decision = "accept", Reason = "agreed at Griffin", ReviewDue = Synthetic.DaysAgo(-reviewInDays),
        });
    }

    private async Task<List<NominalReply>> List(ListNominalsRequest request)
    {
        var all = new List<NominalReply>();
        request.Page = new PageRequest { PageSize = 2 };
        do
        {
            var page = await _griffin.ListNominalsAsync(request);
            all.AddRange(page.Nominals);
            request.Page.PageToken = page.Page.NextPageToken;
        }
        while (request.Page.PageToken != "");
        return all;
    }

    [Fact]
    public async Task Nominals_are_listed_by_review_date_filtered_by_risk_and_a_review_due_within_14_days_alerts_the_Griffin_meeting()
    {
        var later = await Nominal(60, "medium");
        var soon = await Nominal(10);
        var sooner = await Nominal(3);

        var all = await List(new ListNominalsRequest());
        var dueIn14 = await List(new ListNominalsRequest { ReviewDueWithinDays = 14 });
        var medium = await List(new ListNominalsRequest { RiskLevel = "medium" });

        var ours = all.Where(n => n.NominalId == later.NominalId || n.NominalId == soon.NominalId || n.NominalId == sooner.NominalId).ToList();
        Assert.Equal([sooner.NominalId, soon.NominalId, later.NominalId], ours.Select(n => n.NominalId));
        Assert.Equal(all.OrderBy(n => n.ReviewDue, StringComparer.Ordinal).Select(n => n.NominalId), all.Select(n => n.NominalId));
        Assert.Contains(dueIn14, n => n.NominalId == soon.NominalId && n.ReviewStatus == "due");
        Assert.DoesNotContain(dueIn14, n => n.NominalId == later.NominalId);
        Assert.Contains(medium, n => n.NominalId == later.NominalId && n.RiskLevel == "medium");
        Assert.DoesNotContain(medium, n => n.NominalId == soon.NominalId);
        var alert = await _reviewDue.ReceivedAsync(soon.NominalId);
        Assert.Equal(("due", Synthetic.DaysAgo(-10)), (alert.GetProperty("status").GetString(), alert.GetProperty("reviewDue").GetString()));
        // The later review sends nothing: the sooner one's alert is the sentinel that the scan has passed it.
        await _reviewDue.ReceivedAsync(sooner.NominalId);
        Assert.Equal(0, await _reviewDue.CountAsync(later.NominalId));
    }
}
