using Masip.ServiceDefaults.Tenancy;
using Marten;
using Marten.Linq.MatchesSql;
using Masip.Probation.Lists;
using Masip.Probation.People;
using Masip.Probation.Psr;
using Masip.Probation.Psr.Alerting;
using Masip.Probation.Releases;
using Masip.ServiceDefaults.Commands;
using Microsoft.Extensions.Options;

namespace Masip.Probation.Scanning;

public sealed class DueScannerOptions
{
    public const string Section = "Probation:Scan";

    /// <summary>How often to look for PSRs and releases coming due.</summary>
    public int IntervalSeconds { get; set; } = 300;

    /// <summary>How many candidates to read at a time; the scan pages through all of them.</summary>
    public int PageSize { get; set; } = 200;
}

/// <summary>
/// Looks, on a timer, for PSR consultations within 3 working days of their due date and for
/// releases within 28 days, and raises each alert once. It pages through every candidate in a
/// stable order (due date or release date, then id), so none is left out however many there are,
/// and decides each through the command pipeline as the service ("probation:due-scan"): the
/// deciders raise once per consultation and once per release date, and two scans racing (a
/// second run, or another replica) meet optimistic concurrency, so the loser decides again on
/// the winner's state and raises nothing.
/// </summary>
public sealed class DueScanner(IDocumentStore store, CommandPipeline pipeline, Forces forces, TimeProvider clock, IOptions<DueScannerOptions> options, ILogger<DueScanner> logger)
    : BackgroundService
{
    public static readonly Actor Scanner = Actor.Service(ProbationHost.Name, "due-scan");

    // PsrDueAlertDecision: 3 working days ahead is never more than 5 calendar days; a week covers it.
    private const int PsrHorizonDays = 7;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds)), clock);
        do
        {
            try
            {
                await forces.ForEachAsync(ScanAsync, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Due scan failed: {Error}; retrying at the next tick", ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One scan over every candidate; safe to run twice, or on two replicas at once.</summary>
    public async Task ScanAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var horizon = today.AddDays(PsrHorizonDays);
        await ForEachPage<PsrConsultation>(
            (query, after) => query.Query<PsrConsultation>()
                .Where(c => (c.Status == PsrStatus.Requested || c.Status == PsrStatus.InProgress) && c.DueAlertRaisedAt == null && c.DueDate <= horizon)
                .After("due_date", after?.Value, after?.Id ?? Guid.Empty)
                .OrderBy(c => c.DueDate).ThenBy(c => c.Id),
            c => (c.DueDate, c.Id),
            c => Raise<PsrConsultation>(c.Id, PsrDueAlertDecision.Decide, ct), ct);

        var lastDay = today.AddDays(ReleaseDueDecision.DaysAhead);
        await ForEachPage<Person>(
            (query, after) => query.Query<Person>()
                .Where(p => p.MatchesSql("d.expected_release between ? and ? and d.release_due_raised_for is distinct from d.expected_release", today, lastDay))
                .After("expected_release", after?.Value, after?.Id ?? Guid.Empty)
                .OrderBy(p => p.ExpectedRelease).ThenBy(p => p.Id),
            p => (p.ExpectedRelease!.Value, p.Id),
            p => Raise<Person>(p.Id, ReleaseDueDecision.Decide, ct), ct);
    }

    // Keyset pages: each page starts after the last candidate of the one before, so a candidate
    // that stops qualifying (its alert raised) shifts nothing, and the scan always ends.
    private async Task ForEachPage<T>(Func<IQuerySession, (DateOnly Value, Guid Id)?, IQueryable<T>> candidates,
        Func<T, (DateOnly, Guid)> key, Func<T, Task> raise, CancellationToken ct) where T : notnull
    {
        var size = Math.Max(1, options.Value.PageSize);
        (DateOnly Value, Guid Id)? after = null;
        while (true)
        {
            IReadOnlyList<T> page;
            await using (var query = store.QueryForForce())
                page = await candidates(query, after).Take(size).ToListAsync(ct);
            foreach (var candidate in page)
                await raise(candidate);
            if (page.Count < size)
                return;
            after = key(page[^1]);
        }
    }

    private async Task Raise<T>(Guid id, Func<T?, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct) where T : class
    {
        try
        {
            string? raised = null;
            await pipeline.Run(Scanner, async scope =>
            {
                var stream = await scope.Stream<T>(id);
                var events = decide(stream.Aggregate, scope.Now);
                stream.AppendMany(events);
                raised = events.Count == 0 ? null : events[0].GetType().Name;
            }, ct);
            if (raised is not null)
                logger.LogInformation("Raised {EventType} on {StreamId}", raised, id);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // One stream that cannot be decided must not hold up every candidate after it.
            logger.LogWarning("Due scan could not decide {StreamId}: {Error}; the next scan tries again", id, ex.GetType().Name);
        }
    }
}

public static class DueScannerModule
{
    public static IServiceCollection AddDueScanner(this IServiceCollection services)
    {
        services.AddOptions<DueScannerOptions>().BindConfiguration(DueScannerOptions.Section);
        services.AddSingleton<DueScanner>();
        return services.AddHostedService(provider => provider.GetRequiredService<DueScanner>());
    }
}
