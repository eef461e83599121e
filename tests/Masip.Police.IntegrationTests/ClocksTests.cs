using Masip.Contracts.Common;
using Masip.Contracts.Messages;
using Masip.Contracts.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>Issue 16.2: `masip police clocks` lists the clocks near or past their limit, and each raises ClockDueV1 once per level.</summary>
public sealed class ClocksTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private PoliceIntake.PoliceIntakeClient _intake = null!;
    private StacReviews.StacReviewsClient _reviews = null!;
    private PoliceClocks.PoliceClocksClient _clocks = null!;
    private BrokerProbe _due = null!;

    public async Task InitializeAsync()
    {
        _due = await BrokerProbe.ListenAsync<ClockDueV1>(bed);
        var host = await bed.StartAsync<PoliceHost>(PoliceHost.Name, new Dictionary<string, string?> { ["Masip:Police:ClockScan:Interval"] = "00:00:01" });
        _intake = new PoliceIntake.PoliceIntakeClient(host.Channel);
        _reviews = new StacReviews.StacReviewsClient(host.Channel);
        _clocks = new PoliceClocks.PoliceClocksClient(host.Channel);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<ClockItem>> All(string kind = "")
    {
        var all = new List<ClockItem>();
        var token = "";
        do
        {
            var page = await _clocks.ListClocksAsync(new ListClocksRequest { Kind = kind, Page = new PageRequest { PageSize = 2, PageToken = token } });
            all.AddRange(page.Clocks);
            token = page.Page.NextPageToken;
        }
        while (token != "");
        return all;
    }

    [Fact]
    public async Task An_s2A_case_near_its_limit_and_an_update_due_are_listed_and_raised_to_the_DMM_once()
    {
        var s2a = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report(offence: "s2A", offenceDaysAgo: 165) });
        var fresh = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report(offence: "s2A", offenceDaysAgo: 20) });
        var daily = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report() });
        await _reviews.AgreeVictimUpdateCadenceAsync(new AgreeVictimUpdateCadenceRequest { CaseId = daily.CaseId, Days = 1, AgreedWith = "victim" });

        var limits = await All("s2a-limit");
        var updates = await All("victim-update");
        var everything = await All();

        var limit = Assert.Single(limits, c => c.CaseId == s2a.CaseId);
        Assert.Equal("near", limit.Status);
        Assert.DoesNotContain(limits, c => c.CaseId == fresh.CaseId);
        Assert.Equal("near", Assert.Single(updates, c => c.CaseId == daily.CaseId).Status);
        Assert.Equal(everything.Count, everything.Select(c => (c.Kind, c.CaseId, c.BreachId)).Distinct().Count());
        Assert.Contains(everything, c => c.Kind == "s2a-limit" && c.CaseId == s2a.CaseId);
        var raised = await _due.ReceivedAsync(daily.CaseId);
        Assert.Equal(("victim-update", "near"), (raised.GetProperty("kind").GetString(), raised.GetProperty("status").GetString()));
        var s2aRaised = await _due.ReceivedAsync(s2a.CaseId);
        Assert.Equal("s2a-limit", s2aRaised.GetProperty("kind").GetString());
        // A clock made due after the first raise is the sentinel: once it is raised, later scans have run.
        var sentinel = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report() });
        await _reviews.AgreeVictimUpdateCadenceAsync(new AgreeVictimUpdateCadenceRequest { CaseId = sentinel.CaseId, Days = 1, AgreedWith = "victim" });
        await _due.ReceivedAsync(sentinel.CaseId);
        Assert.Equal(1, await _due.CountAsync(daily.CaseId));
        Assert.Equal(1, await _due.CountAsync(s2a.CaseId));
    }
}
