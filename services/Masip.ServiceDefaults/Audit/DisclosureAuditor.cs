using JasperFx;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Masip.ServiceDefaults.Audit;

/// <summary>A disclosure to record: one viewer, the subjects the response or message was about.</summary>
public sealed record Disclosure(
    IReadOnlyCollection<(string Kind, string Id)> Subjects,
    string ViewerSub,
    string ViewerAgency,
    string ViewerRole,
    string Recipient,
    string Channel,
    string Operation,
    IReadOnlyCollection<string> Classes,
    string Purpose,
    string? TraceId);

/// <summary>
/// Appends disclosures to each subject's hash-chained audit stream in the disclosing service's
/// own event store. Append-only: no API edits or deletes an entry.
/// </summary>
public sealed class DisclosureAuditor(IServiceProvider services, TimeProvider clock, ILogger<DisclosureAuditor> logger)
{
    // Resolved on first use: the outbox relay (built with the document store) needs the auditor.
    private IDocumentStore Store => services.GetRequiredService<IDocumentStore>();

    public async Task RecordAsync(Disclosure disclosure, CancellationToken cancellationToken)
    {
        var at = TruncateToMilliseconds(clock.GetUtcNow());
        var classes = disclosure.Classes.Distinct().Order(StringComparer.Ordinal).ToArray();
        foreach (var (kind, id) in disclosure.Subjects.Distinct())
            await AppendWithRetry(disclosure, kind, id, classes, at, cancellationToken);
    }

    private async Task AppendWithRetry(Disclosure d, string kind, string id, string[] classes, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var streamId = AuditChain.StreamIdFor(kind, id);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = Store.LightweightSession();
                var stream = await session.Events.FetchForWriting<AuditChain>(streamId, cancellationToken);
                var previous = stream.Aggregate?.LastHash ?? DisclosureRecorded.Genesis;
                var entryId = Guid.NewGuid();
                var hash = DisclosureRecorded.HashOf(entryId, kind, id, d.ViewerSub, d.ViewerAgency, d.ViewerRole, d.Recipient,
                    d.Channel, d.Operation, classes, d.Purpose, at, d.TraceId, previous);
                stream.AppendOne(new DisclosureRecorded(entryId, kind, id, d.ViewerSub, d.ViewerAgency, d.ViewerRole, d.Recipient,
                    d.Channel, d.Operation, classes, d.Purpose, at, d.TraceId, previous, hash));
                await session.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < 10 && IsConcurrencyConflict(ex))
            {
                // Another disclosure about the same subject committed first: chain onto it.
                logger.LogDebug("Audit chain {StreamId} moved on; retrying (attempt {Attempt})", streamId, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), cancellationToken);
            }
        }
    }

    private static bool IsConcurrencyConflict(Exception ex) =>
        ex is ConcurrencyException or JasperFx.Events.ExistingStreamIdCollisionException
            // Two first disclosures about a subject start its chain at once.
            or Marten.Exceptions.ExistingStreamIdCollisionException
            // Two appends to one chain at once: the loser's version collides (quick append mode).
            or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }
        || (ex.InnerException is { } inner && IsConcurrencyConflict(inner));

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
