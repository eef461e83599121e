using Masip.Contracts.Advocacy;
using Masip.Contracts.Common;
using Masip.Testing;
using Xunit;

namespace Masip.Advocacy.IntegrationTests;

/// <summary>
/// Issue 14: the referral list used to answer the oldest 500 and stop, so after about 500
/// referrals a new one never showed. Now it pages, newest first, through every referral.
/// </summary>
public sealed class ReferralListPagingTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private const int Referrals = 1000;
    private Advocacy _advocacy = null!;

    public async Task InitializeAsync() => _advocacy = new Advocacy(await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name), bed);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_thousand_referrals_page_newest_first_each_exactly_once_and_one_received_while_paging_shifts_nothing()
    {
        var recorded = new List<string>();
        using var gate = new SemaphoreSlim(4);
        var accepted = 0;
        await Task.WhenAll(Enumerable.Range(0, Referrals).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var request = Advocacy.NewReferral($"CRIS-PAGE-{i:0000}");
                await _advocacy.Referrals.RecordReferralAsync(request);
                if (i % 10 == 0)
                {
                    await _advocacy.Referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = request.ReferralId });
                    Interlocked.Increment(ref accepted);
                }
                lock (recorded)
                    recorded.Add(request.ReferralId);
            }
            finally
            {
                gate.Release();
            }
        }));

        var first = await _advocacy.Referrals.ListReferralsAsync(new ListReferralsRequest { Page = new PageRequest { PageSize = 37 } });
        var late = await _advocacy.Recorded(Advocacy.NewReferral("CRIS-PAGE-LATE"));
        var all = await AllPages(first, new ListReferralsRequest { Page = new PageRequest { PageSize = 37 } });
        var afterwards = await _advocacy.Referrals.ListReferralsAsync(new ListReferralsRequest { Page = new PageRequest { PageSize = 1 } });

        Assert.Equal(Referrals, first.Page.Total);
        Assert.Equal(recorded.Order(), all.Select(r => r.ReferralId).Order());
        Assert.Equal(Referrals, all.Select(r => r.ReferralId).Distinct().Count());
        var received = all.Select(r => DateTimeOffset.Parse(r.ReceivedAt)).ToList();
        Assert.Equal(received.OrderDescending(), received);
        Assert.Equal(late.ReferralId, afterwards.Referrals.Single().ReferralId);
        Assert.Equal(Referrals + 1, afterwards.Page.Total);

        var acceptedOnly = await AllPages(null, new ListReferralsRequest { Status = "accepted", Page = new PageRequest { PageSize = 500 } });
        Assert.Equal(accepted, acceptedOnly.Count);
        Assert.All(acceptedOnly, r => Assert.Equal("accepted", r.Status));
    }

    /// <summary>Every page from <paramref name="first"/> (or from the start) until the list says it is done.</summary>
    private async Task<List<ReferralReply>> AllPages(ListReferralsReply? first, ListReferralsRequest request)
    {
        var all = new List<ReferralReply>();
        var page = first ?? await _advocacy.Referrals.ListReferralsAsync(request);
        for (var pages = 1; ; pages++)
        {
            all.AddRange(page.Referrals);
            if (page.Page.NextPageToken.Length == 0)
                return all;
            Assert.True(pages < 100, "the pages never end");
            request.Page.PageToken = page.Page.NextPageToken;
            page = await _advocacy.Referrals.ListReferralsAsync(request);
        }
    }
}
