using Grpc.Core;
using Masip.Contracts.Advocacy;
using Masip.Testing;
using Xunit;

namespace Masip.Advocacy.IntegrationTests;

/// <summary>
/// The cap of 20 holds when allocations race: it is enforced by the caseload stream's optimistic
/// concurrency, and the command pipeline's retries (no retry loop of the service's own) decide
/// each loser again on the caseload the winner left.
/// </summary>
public sealed class CaseloadCapConcurrencyTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private Advocacy _advocacy = null!;

    public async Task InitializeAsync() => _advocacy = new Advocacy(await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name), bed);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Ten_concurrent_allocations_to_an_advocate_with_15_cases_let_exactly_5_through()
    {
        const string advocate = "advocate-501";
        for (var i = 0; i < 15; i++)
            await _advocacy.Allocated(advocate);
        var waiting = new List<string>();
        for (var i = 0; i < 10; i++)
            waiting.Add((await _advocacy.Triaged()).ReferralId);

        using var start = new SemaphoreSlim(0);
        var attempts = waiting.Select(async referralId =>
        {
            await start.WaitAsync();
            try
            {
                await _advocacy.Support.AllocateSupportAsync(new AllocateSupportRequest { ReferralId = referralId, AdvocateId = advocate });
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                Assert.True(e.StatusCode != StatusCode.FailedPrecondition || e.Status.Detail.StartsWith("advocate_id:"), e.Status.Detail);
                return e.StatusCode;
            }
        }).ToList();
        start.Release(waiting.Count);
        var results = await Task.WhenAll(attempts);

        Assert.Equal(5, results.Count(r => r == StatusCode.OK));
        Assert.Equal(5, results.Count(r => r == StatusCode.FailedPrecondition));
        var workload = await _advocacy.Support.GetWorkloadAsync(new GetWorkloadRequest());
        Assert.Equal(20, workload.Caseloads.Single(c => c.AdvocateId == advocate).AdvocacyCases);
        Assert.Equal(5, workload.AwaitingAllocationCount);
        Assert.Equal(5, (await _advocacy.Support.ListAllocationQueueAsync(new ListAllocationQueueRequest())).Referrals.Count);
        Assert.Equal(20, await _advocacy.Scalar("select count(*) from masip.mt_events where type = 'advocacy_case_taken'"));
        Assert.Equal(20, await _advocacy.Scalar("select count(*) from masip.mt_doc_supportepisode"));
    }
}
