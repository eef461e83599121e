using JasperFx.Events.Projections;
using Marten;

namespace Masip.ServiceDefaults.Audit;

/// <summary>What one entry of a chain turned out to be.</summary>
public sealed record CheckedEntry(DisclosureRecorded Entry, long Position, string Verification, string Detail);

/// <summary>A subject's chain, checked from its first link to its head.</summary>
public sealed record ChainCheck(bool Valid, long EntriesChecked, long HeadEntries, long Pending, long FirstBrokenPosition,
    Guid? FirstBrokenEntryId, string Reason);

/// <summary>
/// Checks the disclosure audit against its key: each entry's MAC (content rewritten?), each link's
/// hash from the one before it (an entry removed or reordered?), and the head's count, last hash
/// and MAC (the newest entries cut off?). Entries recorded but not sealed yet are pending.
/// </summary>
public sealed class AuditVerifier(AuditKey key)
{
    public const string Verified = "verified";
    public const string Pending = "pending";
    public const string Failed = "failed";
    private const int Batch = 500;

    /// <summary>The links of a subject from <paramref name="fromPosition"/> on (at most <paramref name="count"/>), each checked.</summary>
    public async Task<IReadOnlyList<CheckedEntry>> Entries(IQuerySession query, AuditSubject subject, long fromPosition, int count,
        CancellationToken ct)
    {
        // One link before the page too: an entry's hash follows from the one before it.
        var first = fromPosition - 1;
        var links = await query.Query<AuditLink>()
            .Where(l => l.SubjectKey == subject.Key && l.Position >= first)
            .OrderBy(l => l.Position).Take(count + 1).ToListAsync(ct);
        var events = await EntriesBySequence(query, links.Select(l => l.Sequence), ct);
        var result = new List<CheckedEntry>();
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            if (link.Position < fromPosition)
                continue;
            var previous = i > 0 && links[i - 1].Position == link.Position - 1 ? links[i - 1].Hash
                : link.Position == 1 ? AuditHead.Genesis : null;
            var (entry, problem) = Check(subject, link, previous, events.GetValueOrDefault(link.Sequence));
            result.Add(new CheckedEntry(entry ?? Placeholder(link), link.Position, problem is null ? Verified : Failed, problem ?? ""));
            if (result.Count == count)
                break;
        }
        return result;
    }

    /// <summary>Walks the whole chain of a subject and compares its end with the head.</summary>
    public async Task<ChainCheck> Verify(IQuerySession query, AuditSubject subject, CancellationToken ct)
    {
        var head = await query.LoadAsync<AuditHead>(subject.Key, ct);
        var pending = (await Unsealed(query, subject, ct)).Count;
        var previousHash = AuditHead.Genesis;
        long expected = 1;
        Guid lastEntry = Guid.Empty;
        while (true)
        {
            var links = await query.Query<AuditLink>()
                .Where(l => l.SubjectKey == subject.Key && l.Position >= expected)
                .OrderBy(l => l.Position).Take(Batch).ToListAsync(ct);
            if (links.Count == 0)
                break;
            var events = await EntriesBySequence(query, links.Select(l => l.Sequence), ct);
            foreach (var link in links)
            {
                if (link.Position != expected)
                    return Broken(expected - 1, head, pending, expected, null,
                        $"position {expected} is missing: the chain jumps from {expected - 1} to {link.Position} (entries were removed)");
                var (_, problem) = Check(subject, link, previousHash, events.GetValueOrDefault(link.Sequence));
                if (problem is not null)
                    return Broken(expected - 1, head, pending, link.Position, link.EntryId, $"entry {link.EntryId} (position {link.Position}): {problem}");
                previousHash = link.Hash;
                lastEntry = link.EntryId;
                expected++;
            }
        }
        var found = expected - 1;
        if (head is null)
            return found == 0
                ? new ChainCheck(true, 0, 0, pending, 0, null, pending > 0 ? $"{pending} entries recorded, not sealed yet" : "")
                : Broken(found, null, pending, found, lastEntry, "the chain has links but no head (the head was removed)");
        if (head.HeadMac != AuditHead.MacOf(key, subject.Key, head.Entries, head.LastHash, head.LastEntryId))
            return Broken(found, head, pending, head.Entries, head.LastEntryId, "the chain's head does not match its MAC (it was altered)");
        if (head.Entries > found)
            return Broken(found, head, pending, found + 1, head.LastEntryId,
                $"the head records {head.Entries} entries but {found} were found: the newest (entry {head.LastEntryId}, position {head.Entries}) "
                + (head.Entries - found == 1 ? "was removed" : $"and {head.Entries - found - 1} before it were removed"));
        if (head.Entries < found || head.LastHash != previousHash || head.LastEntryId != lastEntry)
            return Broken(found, head, pending, head.Entries + 1, null,
                $"the chain holds {found} entries ending at {lastEntry}, but its head records {head.Entries} ending at {head.LastEntryId}");
        return new ChainCheck(true, found, head.Entries, pending, 0, null, pending > 0 ? $"{pending} entries recorded, not sealed yet" : "");
    }

    /// <summary>Entries naming the subject that the sealer has not reached yet (the last seconds).</summary>
    public async Task<IReadOnlyList<DisclosureRecorded>> Unsealed(IQuerySession query, AuditSubject subject, CancellationToken ct)
    {
        var sealedUpTo = await query.DocumentStore.Advanced.ProjectionProgressFor(ShardName.Compose(AuditSealer.SealerName, "All"), token: ct);
        var tail = await query.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > sealedUpTo && e.EventTypeName == "disclosure_recorded")
            .OrderBy(e => e.Sequence).ToListAsync(ct);
        return [.. tail.Select(e => e.Data).OfType<DisclosureRecorded>().Where(d => d.Subjects.Contains(subject))];
    }

    private (DisclosureRecorded? Entry, string? Problem) Check(AuditSubject subject, AuditLink link, string? previousHash, DisclosureRecorded? entry)
    {
        if (entry is null || entry.EntryId != link.EntryId)
            return (entry, "its record was removed from the event store");
        if (!entry.HasValidMac(key))
            return (entry, "its content does not match its MAC (altered after it was written)");
        if (!entry.Subjects.Contains(subject))
            return (entry, "it no longer names this subject (altered after it was written)");
        if (previousHash is not null && AuditLink.HashOf(key, previousHash, link.Position, subject.Key, entry.Mac) != link.Hash)
            return (entry, "its link does not follow from the one before it (the chain was altered)");
        return (entry, null);
    }

    private static async Task<Dictionary<long, DisclosureRecorded>> EntriesBySequence(IQuerySession query, IEnumerable<long> sequences,
        CancellationToken ct)
    {
        var wanted = sequences.Distinct().ToArray();
        if (wanted.Length == 0)
            return [];
        var events = await query.Events.QueryAllRawEvents().Where(e => e.Sequence.IsOneOf(wanted)).ToListAsync(ct);
        return events.Where(e => e.Data is DisclosureRecorded).ToDictionary(e => e.Sequence, e => (DisclosureRecorded)e.Data);
    }

    private static ChainCheck Broken(long checkedCount, AuditHead? head, long pending, long position, Guid? entryId, string reason) =>
        new(false, checkedCount, head?.Entries ?? 0, pending, position, entryId, reason);

    private static DisclosureRecorded Placeholder(AuditLink link) =>
        new(link.EntryId, [], link.ViewerSub, "", "", "", "", "", [], "", link.At, null, null, "");
}
