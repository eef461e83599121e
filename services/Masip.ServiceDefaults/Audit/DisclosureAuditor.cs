using Marten;
using Masip.ServiceDefaults.Persistence;
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
        var subjects = disclosure.Subjects.Distinct().ToArray();
        if (subjects.Length == 0)
            return;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await AppendAll(disclosure, subjects, classes, at, cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < 10 && WriteConflicts.IsConflict(ex))
            {
                // Another disclosure about one of these subjects committed first: chain onto it.
                logger.LogDebug("An audit chain moved on; retrying (attempt {Attempt})", attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), cancellationToken);
            }
        }
    }

    // One transaction for every subject of a reply (a list may name hundreds): the chain heads
    // are read in one query, each entry is appended at the version its head was read at.
    private async Task AppendAll(Disclosure d, (string Kind, string Id)[] subjects, string[] classes, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var session = Store.LightweightSession();
        var streamIds = subjects.Select(s => AuditChain.StreamIdFor(s.Kind, s.Id)).ToArray();
        var heads = (await session.LoadManyAsync<AuditChain>(cancellationToken, streamIds)).ToDictionary(h => h.Id);
        for (var i = 0; i < subjects.Length; i++)
        {
            var (kind, id) = subjects[i];
            var head = heads.GetValueOrDefault(streamIds[i]);
            var previous = head?.LastHash ?? DisclosureRecorded.Genesis;
            var entryId = Guid.NewGuid();
            var hash = DisclosureRecorded.HashOf(entryId, kind, id, d.ViewerSub, d.ViewerAgency, d.ViewerRole, d.Recipient,
                d.Channel, d.Operation, classes, d.Purpose, at, d.TraceId, previous);
            var entry = new DisclosureRecorded(entryId, kind, id, d.ViewerSub, d.ViewerAgency, d.ViewerRole, d.Recipient,
                d.Channel, d.Operation, classes, d.Purpose, at, d.TraceId, previous, hash);
            if (head is null)
                session.Events.StartStream<AuditChain>(streamIds[i], entry);
            else
                session.Events.Append(streamIds[i], head.Entries + 1, entry);
        }
        await session.SaveChangesAsync(cancellationToken);
    }

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
