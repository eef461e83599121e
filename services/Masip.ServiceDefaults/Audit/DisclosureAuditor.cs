using Marten;
using Masip.ServiceDefaults.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Masip.ServiceDefaults.Audit;

/// <summary>A disclosure to record: one viewer (or receiving service), the subjects the reply or message was about.</summary>
public sealed record Disclosure(
    IReadOnlyCollection<AuditSubject> Subjects,
    string ViewerSub,
    string ViewerAgency,
    string ViewerRole,
    string Recipient,
    string Channel,
    string Operation,
    IReadOnlyCollection<string> Classes,
    string Purpose,
    string? TraceId,
    string? Reason = null,
    Guid? EntryId = null);

/// <summary>
/// Records disclosures in the disclosing service's own event store, append-only: each one a new
/// stream, so a write never waits for another reader's; <see cref="AuditSealer"/> chains them.
/// A command's disclosures are appended to the command's own session (one transaction: a saved
/// change is never reported as failed because of its audit, and an audit that fails saves nothing).
/// </summary>
public sealed class DisclosureAuditor(IServiceProvider services, AuditKey key, TimeProvider clock)
{
    // Resolved on first use: the outbox relay (built with the document store) needs the auditor.
    private IDocumentStore Store => services.GetRequiredService<IDocumentStore>();

    public DisclosureRecorded Entry(Disclosure d)
    {
        var at = clock.GetUtcNow();
        at = new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        var unsigned = new DisclosureRecorded(d.EntryId ?? Guid.CreateVersion7(), [.. d.Subjects.Distinct()], d.ViewerSub, d.ViewerAgency,
            d.ViewerRole, d.Recipient, d.Channel, d.Operation, [.. d.Classes.Distinct().Order(StringComparer.Ordinal)], d.Purpose, at,
            d.TraceId, d.Reason, Mac: "");
        return unsigned with { Mac = key.Mac(unsigned.Canonical()) };
    }

    /// <summary>Appends the disclosure to <paramref name="operations"/>: it commits with whatever else that session saves.</summary>
    public DisclosureRecorded? Append(IDocumentOperations operations, Disclosure disclosure)
    {
        if (disclosure.Subjects.Count == 0)
            return null;
        var entry = Entry(disclosure);
        operations.Events.StartStream(entry.EntryId, entry);
        return entry;
    }

    /// <summary>
    /// Records disclosures that carry their own ids (a message's, derived from its message id) in
    /// one write, skipping any already recorded: a replayed outbox page records nothing twice.
    /// </summary>
    public async Task RecordOnceAsync(IReadOnlyCollection<Disclosure> disclosures, CancellationToken cancellationToken)
    {
        var ids = disclosures.Select(d => d.EntryId ?? throw new ArgumentException("a disclosure recorded once needs its own EntryId")).ToArray();
        if (ids.Length == 0)
            return;
        await using var session = Store.LightweightForForce();
        var recorded = (await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(ids)).Select(e => e.StreamId)
            .ToListAsync(cancellationToken)).ToHashSet();
        foreach (var disclosure in disclosures.Where(d => !recorded.Contains(d.EntryId!.Value)).DistinctBy(d => d.EntryId))
            Append(session, disclosure);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records a disclosure on its own (a read: nothing else to commit with it).</summary>
    public async Task RecordAsync(Disclosure disclosure, CancellationToken cancellationToken)
    {
        if (disclosure.Subjects.Count == 0)
            return;
        await using var session = Store.LightweightForForce();
        Append(session, disclosure);
        await session.SaveChangesAsync(cancellationToken);
    }
}
