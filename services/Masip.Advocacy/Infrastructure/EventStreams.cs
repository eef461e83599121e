using Marten;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Infrastructure;

/// <summary>
/// The common shape of a command handler: fetch the stream for writing (optimistic concurrency),
/// decide, append, save, and answer with the inline snapshot.
/// </summary>
public sealed class EventStreams(IDocumentStore store, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<T> Decide<T>(Guid id, string idField, Func<T, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken cancellationToken)
        where T : class
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<T>(id, cancellationToken);
        var current = stream.Aggregate ?? throw new RecordNotFoundException(idField, $"no {typeof(T).Name.ToLowerInvariant()} {id}");
        var events = decide(current, clock.GetUtcNow());
        if (events.Count == 0)
            return current;
        stream.AppendMany(events);
        await session.SaveChangesAsync(cancellationToken);
        return await session.LoadAsync<T>(id, cancellationToken)
            ?? throw new InvalidOperationException($"The {typeof(T).Name} was saved but its read model is missing.");
    }

    /// <summary>An optimistic-concurrency conflict: another writer appended to the stream first.</summary>
    public static bool IsConflict(Exception ex) => Masip.ServiceDefaults.Persistence.WriteConflicts.IsConflict(ex);

    /// <summary>
    /// A stable stream id for a natural key (an advocate's id): a name-based UUID, so every
    /// writer of that advocate's caseload appends to the same stream.
    /// </summary>
    public static Guid StreamIdFor(string kind, string key)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"masip-advocacy:{kind}:{key}"));
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
