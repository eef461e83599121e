using MassTransit;
using Masip.Advocacy.VictimUpdates.Overdue;
using Masip.Contracts.Messages;
using Masip.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Masip.Advocacy.IntegrationTests;

/// <summary>
/// The overdue scan pages through every due task (pages of 7 here) and is safe to run twice or on
/// two replicas at once: each task's VictimUpdateOverdueV1 is raised once. The scanner's own
/// timer is set to an hour, so only the scans this test runs touch the tasks.
/// </summary>
public sealed class OverdueScanTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private const int Tasks = 20;
    private Advocacy _advocacy = null!;
    private Broker _broker = null!;

    public async Task InitializeAsync()
    {
        _advocacy = new Advocacy(await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name, new Dictionary<string, string?>
        {
            ["Advocacy:VictimUpdates:DueAfter"] = "00:00:00",
            ["Advocacy:VictimUpdates:ScanInterval"] = "01:00:00",
            ["Advocacy:VictimUpdates:ScanPageSize"] = "7",
        }), bed);
        _broker = await Broker.StartAsync(bed);
    }

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Two_scanners_racing_over_three_pages_raise_each_overdue_task_once_and_a_scan_after_them_raises_nothing()
    {
        var cases = new List<Guid>();
        for (var i = 0; i < Tasks; i++)
            cases.Add(await OpenTask());
        var replicaA = NewScanner();
        var replicaB = NewScanner();

        var raised = await Task.WhenAll(replicaA.ScanOnce(CancellationToken.None), replicaB.ScanOnce(CancellationToken.None));
        var again = await replicaA.ScanOnce(CancellationToken.None);

        Assert.Equal(Tasks, raised.Sum());
        Assert.Equal(0, again);
        Assert.Equal(Tasks, await _advocacy.Scalar("select count(*) from masip.mt_events where type = 'victim_update_became_overdue'"));
        Assert.Equal(Tasks, await _advocacy.Scalar("select count(distinct stream_id) from masip.mt_events where type = 'victim_update_became_overdue'"));
        Assert.Equal("advocacy:overdue-scan", await _advocacy.Text("select distinct user_name from masip.mt_events where type = 'victim_update_became_overdue'"));

        // The outbox publishes in order: once a task raised after these is alerted, every alert of theirs has been published.
        var sentinel = await OpenTask();
        Assert.Equal(1, await replicaB.ScanOnce(CancellationToken.None));
        await Eventually.ValueAsync(() => Task.FromResult(_broker.Overdue.Select(o => o.Message).FirstOrDefault(m => m.CaseId == sentinel)),
            TimeSpan.FromSeconds(30), "the sentinel's overdue alert");
        Assert.All(cases, caseId => Assert.Single(_broker.Overdue, o => o.Message.CaseId == caseId));
    }

    private OverdueUpdateScanner NewScanner() => ActivatorUtilities.CreateInstance<OverdueUpdateScanner>(_advocacy.Services);

    /// <summary>A police case event whose update task is due already (it happened a minute ago).</summary>
    private async Task<Guid> OpenTask()
    {
        var caseEvent = new CaseEventForVictimV1(Guid.NewGuid(), "CRIS-SCAN-" + Random.Shared.Next(10000, 99999), "charge", "charged with s4A",
            DateTimeOffset.UtcNow.AddMinutes(-1));
        var messageId = NewId.NextGuid();
        await _broker.Publish(caseEvent, messageId);
        await _advocacy.Consumed.Await(messageId);
        return caseEvent.CaseId;
    }
}
