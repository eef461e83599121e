using Marten;
using Masip.Advocacy.Infrastructure;
using Microsoft.Extensions.Options;

namespace Masip.Advocacy.VictimUpdates.Overdue;

/// <summary>
/// Periodically scans open update tasks past their due time and marks each overdue once. Every
/// replica may run it: the append carries the version read, so two scanners racing on one task
/// commit one event between them.
/// </summary>
public sealed class OverdueUpdateScanner(
    IDocumentStore store, TimeProvider clock, IOptions<VictimUpdateOptions> options, ILogger<OverdueUpdateScanner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await ScanOnce(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Overdue update scan failed; trying again at the next tick");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task<int> ScanOnce(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<Guid> due;
        await using (var query = store.QuerySession())
        {
            due = await query.Query<VictimUpdateTask>()
                .Where(t => t.Status == UpdateTaskStatus.Open && !t.Overdue && t.DueAt < now)
                .OrderBy(t => t.DueAt)
                .Select(t => t.Id)
                .Take(500)
                .ToListAsync(cancellationToken);
        }
        var raised = 0;
        foreach (var taskId in due)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<VictimUpdateTask>(taskId, cancellationToken);
            if (stream.Aggregate is null)
                continue;
            var events = RaiseOverdueDecision.Decide(stream.Aggregate, now);
            if (events.Count == 0)
                continue;
            stream.AppendMany(events);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                raised++;
                logger.LogInformation("Victim update task {TaskId} is overdue", taskId);
            }
            catch (Exception ex) when (EventStreams.IsConflict(ex))
            {
                // Another scanner, or the update itself, got there first: the next scan decides again.
            }
        }
        return raised;
    }
}
