using Masip.ServiceDefaults.Tenancy;
using Marten;
using Masip.Contracts.Common;
using Masip.Police.Griffin;
using Masip.Police.Griffin.Reviewing;
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
/// service, then every Griffin nominal whose review is due within 14 days or overdue: a second
/// pass, or a racing replica, meets the stream's version and raises nothing.
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

    /// <summary>One pass over every clock near or past its limit, then every Griffin review due; answers how many alerts it raised.</summary>
    public async Task<int> ScanOnce(CancellationToken ct) => await ScanClocks(ct) + await ScanNominalReviews(ct);

    private async Task<int> ScanClocks(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var raised = 0;
        var page = new PageRequest { PageSize = Math.Clamp(options.Value.PageSize, 1, 500) };
        while (true)
        {
            IReadOnlyList<ClockListItem> items;
            PageInfo info;
            await using (var query = store.QueryForForce())
                (items, info) = await ClockList.Read(query, now, clocks.Value.VictimUpdateCadenceDays, null, page, ct);
            foreach (var item in items)
                raised += await Raise(item, ct);
            if (info.NextPageToken == "")
                return raised;
            page = new PageRequest { PageSize = page.PageSize, PageToken = info.NextPageToken };
        }
    }

    /// <summary>Accepted nominals whose review is due within 14 days or overdue, by review date then id, a page at a time.</summary>
    private async Task<int> ScanNominalReviews(CancellationToken ct)
    {
        var by = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(NominalReviews.DueWithinDays);
        var size = Math.Clamp(options.Value.PageSize, 1, 500);
        var raised = 0;
        for (var offset = 0; ; offset += size)
        {
            IReadOnlyList<Guid> ids;
            await using (var query = store.QueryForForce())
                ids = await query.Query<Nominal>().Where(n => n.Status == "accepted" && n.ReviewDue != null && n.ReviewDue <= by)
                    .OrderBy(n => n.ReviewDue).ThenBy(n => n.Id).Skip(offset).Take(size).Select(n => n.Id).ToListAsync(ct);
            foreach (var id in ids)
                raised += await Decide<Nominal>(id, NominalReviews.Decide, ct);
            if (ids.Count < size)
                return raised;
        }
    }

    private async Task<int> Decide<T>(Guid id, Func<T?, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct) where T : class
    {
        var raised = 0;
        try
        {
            await pipeline.Run(Scanner, async scope =>
            {
                var stream = await scope.Stream<T>(id);
                var events = decide(stream.Aggregate, scope.Now);
                stream.AppendMany(events);
                raised = events.Count;
            }, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // One stream that cannot be decided must not hold up every one after it.
            logger.LogWarning("Scan could not decide {StreamId}: {Error}; the next scan tries again", id, ex.GetType().Name);
        }
        return raised;
    }

    private Task<int> Raise(ClockListItem item, CancellationToken ct) =>
        Decide<ClockAlert>(ClockAlert.IdFor(item), (alert, now) => ClockAlertDecision.Decide(alert, item, now), ct);
}
