using Masip.ServiceDefaults.Tenancy;
using Marten;
using Marten.Linq.MatchesSql;
using Masip.Advocacy.Lists;
using Masip.ServiceDefaults.Commands;
using Microsoft.Extensions.Options;

namespace Masip.Advocacy.VictimUpdates.Overdue;

/// <summary>
/// Periodically marks each open update task past its due time overdue, once. It pages through
/// every candidate (earliest due first, keyset by due time and task id) and decides each task in
/// its own command, as this service: a scan that runs twice, or on two replicas at once, raises
/// each task's VictimUpdateOverdueV1 once, because the append carries the version read and the
/// pipeline decides the loser of a race again, on a task already overdue.
/// </summary>
public sealed class OverdueUpdateScanner(
    IDocumentStore store, CommandPipeline pipeline, Forces forces, TimeProvider clock, IOptions<VictimUpdateOptions> options, ILogger<OverdueUpdateScanner> logger)
    : BackgroundService
{
    public static readonly Actor Scanner = Actor.Service(AdvocacyHost.Name, "overdue-scan");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await forces.ForEachAsync(ScanOnce, stoppingToken);
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

    /// <summary>One pass over every task due before now; answers how many this pass raised.</summary>
    public async Task<int> ScanOnce(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var raised = 0;
        InstantKey? after = null;
        while (true)
        {
            IReadOnlyList<(Guid Id, DateTimeOffset DueAt)> page;
            await using (var query = store.QueryForForce())
            {
                var due = query.Query<VictimUpdateTask>().Where(t => t.Status == UpdateTaskStatus.Open && !t.Overdue && t.DueAt < now);
                if (after is { } key)
                    due = due.Where(t => t.MatchesSql(VictimUpdateTask.AfterKeySql, key.At, key.Id));
                page = (await due.OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(options.Value.ScanPageSize).ToListAsync(cancellationToken))
                    .Select(t => (t.Id, t.DueAt)).ToList();
            }
            foreach (var (taskId, _) in page)
                raised += await RaiseIfOverdue(taskId, cancellationToken);
            if (page.Count < options.Value.ScanPageSize)
                return raised;
            after = InstantKey.Of(page[^1].DueAt, page[^1].Id);
        }
    }

    private async Task<int> RaiseIfOverdue(Guid taskId, CancellationToken cancellationToken)
    {
        // Set by the attempt that committed (an attempt that lost a race is decided again).
        var raised = 0;
        await pipeline.Run(Scanner, async scope =>
        {
            var task = await scope.Stream<VictimUpdateTask>(taskId);
            var events = task.Aggregate is null ? [] : RaiseOverdueDecision.Decide(task.Aggregate, scope.Now);
            task.AppendMany(events);
            raised = events.Count;
        }, cancellationToken);
        if (raised > 0)
            logger.LogInformation("Victim update task {TaskId} is overdue", taskId);
        return raised;
    }
}
