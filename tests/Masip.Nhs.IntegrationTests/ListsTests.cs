using Grpc.Core;
using Masip.Contracts.Common;
using Masip.Contracts.Nhs;
using Masip.Testing;
using Xunit;

namespace Masip.Nhs.IntegrationTests;

/// <summary>
/// Every list is paged (PageRequest/PageInfo) and ordered, and never cut: the waiting list by risk
/// then waiting time, the rest newest first. Its own databases, so the totals are this class's.
/// </summary>
public sealed class ListsTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private NhsWorld _nhs = null!;

    public async Task InitializeAsync() => _nhs = await NhsWorld.StartAsync(bed);

    public async Task DisposeAsync() => await _nhs.DisposeAsync();

    /// <summary>Every page of a list, each with its page info, until the last.</summary>
    private static async Task<List<(List<T> Items, PageInfo Page)>> PagesAsync<T>(
        int size, Func<PageRequest, Task<(IEnumerable<T>, PageInfo)>> read, string from = "")
    {
        var pages = new List<(List<T>, PageInfo)>();
        var request = new PageRequest { PageSize = size, PageToken = from };
        while (pages.Count < 100)
        {
            var (items, page) = await read(request.Clone());
            pages.Add((items.ToList(), page));
            if (page.NextPageToken.Length == 0)
                break;
            request.PageToken = page.NextPageToken;
        }
        return pages;
    }

    [Fact]
    public async Task The_waiting_list_pages_by_risk_then_waiting_time_and_a_decision_between_pages_skips_nobody()
    {
        var risks = new[] { "standard", "high", "medium", "high", "standard", "medium", "high" };
        var ids = new List<string>();
        foreach (var risk in risks)
            ids.Add((await _nhs.Referrals.RecordReferralAsync(Samples.Referral("gp", risk))).ReferralId);
        var expected = ids.Select((id, i) => (id, rank: Array.IndexOf(["high", "medium", "standard"], risks[i]), i))
            .OrderBy(x => x.rank).ThenBy(x => x.i).Select(x => x.id).ToList();

        var first = await _nhs.Referrals.ListWaitingListAsync(new ListWaitingListRequest { Page = new() { PageSize = 3 } });
        // The first on the list is decided while the clinician reads on: the next page still starts after the third.
        await _nhs.Referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = first.Referrals[0].ReferralId });
        var rest = await PagesAsync(3, async page =>
        {
            var reply = await _nhs.Referrals.ListWaitingListAsync(new ListWaitingListRequest { Page = page });
            return (reply.Referrals.Select(r => r.ReferralId), reply.Page);
        }, from: first.Page.NextPageToken);

        Assert.Equal(7, first.Page.Total);
        Assert.Equal(expected[..3], first.Referrals.Select(r => r.ReferralId));
        Assert.Equal(expected[3..], rest.SelectMany(p => p.Items));
        Assert.Equal(6, rest[0].Page.Total);
        Assert.Equal([3, 1], rest.Select(p => p.Items.Count));
    }

    [Fact]
    public async Task The_outcomes_across_episodes_page_newest_first()
    {
        var started = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var referral = await Samples.AcceptedReferralAsync(_nhs, "prison");
            started.Add((await _nhs.Interventions.StartInterventionAsync(Samples.Episode(referral.ReferralId, "emdr"))).EpisodeId);
        }

        var pages = await PagesAsync(2, async page =>
        {
            var reply = await _nhs.Interventions.ListOutcomesAsync(new ListOutcomesRequest { Route = "prison", Page = page });
            return (reply.Episodes.Select(e => e.EpisodeId), reply.Page);
        });

        Assert.Equal(Enumerable.Reverse(started), pages.SelectMany(p => p.Items));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(5, p.Page.Total));
    }

    [Fact]
    public async Task Custody_contacts_and_court_reports_page_newest_first()
    {
        var person = Guid.NewGuid().ToString();
        var contacts = new List<string>();
        var reports = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            contacts.Add((await _nhs.Liaison.RecordCustodyContactAsync(new RecordCustodyContactRequest
            {
                ContactId = Guid.NewGuid().ToString(), PerpetratorId = person, Date = Samples.Today,
                CustodySuite = "Synthetic Custody Suite", Outcome = "no-action",
            })).ContactId);
            reports.Add((await _nhs.Liaison.RecordCourtReportRequestAsync(new RecordCourtReportRequestRequest
            {
                ReportId = Guid.NewGuid().ToString(), PerpetratorId = person, Court = "Synthetic Crown Court", Requester = "the court",
                DueDate = DateTime.UtcNow.AddDays(30 - i).ToString("yyyy-MM-dd"),
            })).ReportId);
        }

        var contactPages = await PagesAsync(2, async page =>
        {
            var reply = await _nhs.Liaison.ListCustodyContactsAsync(new ListCustodyContactsRequest { PerpetratorId = person, Page = page });
            return (reply.Contacts.Select(c => c.ContactId), reply.Page);
        });
        var reportPages = await PagesAsync(2, async page =>
        {
            var reply = await _nhs.Liaison.ListCourtReportsAsync(new ListCourtReportsRequest { PerpetratorId = person, Page = page });
            return (reply.Reports.Select(r => r.ReportId), reply.Page);
        });

        Assert.Equal(Enumerable.Reverse(contacts), contactPages.SelectMany(p => p.Items));
        Assert.Equal(Enumerable.Reverse(reports), reportPages.SelectMany(p => p.Items));
        Assert.Equal([2, 2, 1], contactPages.Select(p => p.Items.Count));
        Assert.All(contactPages.Concat(reportPages), p => Assert.Equal(5, p.Page.Total));
    }

    [Fact]
    public async Task A_page_token_the_service_did_not_give_is_InvalidArgument()
    {
        await NhsWorld.FailsAsync(StatusCode.InvalidArgument, "page.page_token", () => _nhs.Liaison.ListCourtReportsAsync(
            new ListCourtReportsRequest { Page = new() { PageToken = "not-a-token" } }).ResponseAsync);
    }
}
