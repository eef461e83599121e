using Marten;
using Masip.Contracts.Common;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Persistence;
using Microsoft.Extensions.Options;

namespace Masip.Police.Clocks.Alerting;

public sealed class ClockScanOptions
{
    public const string Section = "Masip:Police:ClockScan";

    /// <summary>How often the clocks near or past their limit are looked at.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many clocks to read at a time; the scan pages through all of them.</summary>
    public int PageSize { get; set; } = 200;
}

/// <summary>
/// On a timer, one replica at a time (ExclusiveRun), pages through every clock near or past its
/// limit (<see cref="ClockList"/>) and raises each once per level through the pipeline, as the
/// service: a second pass, or a racing replica, meets the alert's stream version and raises nothing.
/// </summary>
public sealed class ClockScanner(
    IDocumentStore store, CommandPipeline pipeline, ExclusiveRun exclusive, TimeProvider clock, IOptions<ClockScanOptions> options,
    IOptions<ClockOptions> clocks, ILogger<ClockScanner> logger) : BackgroundService
{
    public static readonly Actor Scanner = Actor.Service(PoliceHost.Name, "clock-scan");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        try
        {
            do
            {
                try
                {
                    await exclusive.TryRunAsync("clock-scan", ScanOnce, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Clock scan failed: {Error}; trying again at the next tick", ex.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass over every clock near or past its limit; answers how many alerts it raised.</summary>
    public async Task<int> ScanOnce(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var raised = 0;
        var page = new PageRequest { PageSize = Math.Clamp(options.Value.PageSize, 1, 500) };
        while (true)
        {
            IReadOnlyList<ClockListItem> items;
            PageInfo info;
            await using (var query = store.QuerySession())
                (items, info) = await ClockList.Read(query, now, clocks.Value.VictimUpdateCadenceDays, null, page, ct);
            foreach (var item in items)
                raised += await Raise(item, ct);
            if (info.NextPageToken == "")
                return raised;
            page = new PageRequest { PageSize = page.PageSize, PageToken = info.NextPageToken };
        }
    }

    private async Task<int> Raise(ClockListItem item, CancellationToken ct)
    {
        var raised = 0;
        try
        {
            await pipeline.Run(Scanner, async scope =>
            {
                var alert = await scope.Stream<ClockAlert>(ClockAlert.IdFor(item));
                var events = ClockAlertDecision.Decide(alert.Aggregate, item, scope.Now);
                alert.AppendMany(events);
                raised = events.Count;
            }, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // One clock that cannot be decided must not hold up every clock after it.
            logger.LogWarning("Clock scan could not raise {Kind} on case {CaseId}: {Error}", item.Reading.Kind, item.CaseId, ex.GetType().Name);
        }
        return raised;
    }
}
