using Masip.ServiceDefaults.Errors;
using Marten;
using Masip.Probation.People;
using Masip.Probation.Psr;
using Masip.Probation.Psr.Alerting;
using Masip.Probation.Releases;
using Microsoft.Extensions.Options;

namespace Masip.Probation.Scanning;

public sealed class DueScannerOptions
{
    public const string Section = "Probation:Scan";

    /// <summary>How often to look for PSRs and releases coming due.</summary>
    public int IntervalSeconds { get; set; } = 300;
}

/// <summary>
/// Looks, on a timer, for PSR consultations within 3 working days of their due date and for
/// releases within 28 days, and appends the alert event once (the deciders are idempotent; two
/// nodes racing meet optimistic concurrency, and the loser's append is dropped).
/// </summary>
public sealed class DueScanner(IDocumentStore store, TimeProvider clock, IOptions<DueScannerOptions> options, ILogger<DueScanner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds)), clock);
        do
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Due scan failed: {Error}; retrying at the next tick", ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task ScanAsync(CancellationToken ct)
    {
        await using (var query = store.QuerySession())
        {
            var open = await query.Query<PsrConsultation>()
                .Where(c => (c.Status == PsrStatus.Requested || c.Status == PsrStatus.InProgress) && c.DueAlertRaisedAt == null)
                .Take(5000).ToListAsync(ct);
            foreach (var consultation in open.Where(c => PsrDueAlertDecision.Decide(c, clock.GetUtcNow()).Count > 0))
                await Raise<PsrConsultation>(consultation.Id, PsrDueAlertDecision.Decide, ct);

            var inCustody = await query.Query<Person>().Where(p => p.ExpectedRelease != null).Take(5000).ToListAsync(ct);
            foreach (var person in inCustody.Where(p => ReleaseDueDecision.Decide(p, clock.GetUtcNow()).Count > 0))
                await Raise<Person>(person.Id, ReleaseDueDecision.Decide, ct);
        }
    }

    private async Task Raise<T>(Guid id, Func<T?, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct) where T : class
    {
        try
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<T>(id, ct);
            var events = decide(stream.Aggregate, clock.GetUtcNow());
            if (events.Count == 0)
                return;
            stream.AppendMany(events);
            await session.SaveChangesAsync(ct);
            logger.LogInformation("Raised {EventType} on {StreamId}", events[0].GetType().Name, id);
        }
        catch (Exception ex) when (ErrorInterceptor.ToStatus(ex).StatusCode is Grpc.Core.StatusCode.Aborted)
        {
            logger.LogInformation("Stream {StreamId} changed while raising a due item; the next scan decides again", id);
        }
    }
}

public static class DueScannerModule
{
    public static IServiceCollection AddDueScanner(this IServiceCollection services)
    {
        services.AddOptions<DueScannerOptions>().BindConfiguration(DueScannerOptions.Section);
        return services.AddHostedService<DueScanner>();
    }
}
