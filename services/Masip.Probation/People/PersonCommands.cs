using Marten;
using Masip.Probation.Mappa.Flagging;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.People;

/// <summary>
/// Runs one decision against a person's stream: fetch for writing, decide, append, save
/// (optimistic concurrency), and return the read model.
/// </summary>
public sealed class PersonCommands(IDocumentStore store, TimeProvider clock)
{
    public async Task<Person> Execute(Guid personId, Func<Person?, DateTimeOffset, IReadOnlyList<object>> decide,
        CancellationToken cancellationToken, Func<IDocumentSession, Task>? check = null)
    {
        await using var session = store.LightweightSession();
        if (check is not null)
            await check(session);
        var stream = await session.Events.FetchForWriting<Person>(personId, cancellationToken);
        var now = clock.GetUtcNow();
        var events = decide(stream.Aggregate, now);
        if (events.Count == 0)
            return stream.Aggregate!;
        // A person who now carries the police id of a Tier 3 perpetrator needs a MAPPA consideration.
        if (events.Any(e => e is PersonRegistered or PersonDetailsUpdated))
            events = [.. events, .. await TieredCases.FlagIfTier3(session, Person.Fold(stream.Aggregate, events), now, cancellationToken)];
        stream.AppendMany(events);
        await session.SaveChangesAsync(cancellationToken);
        return await session.LoadAsync<Person>(personId, cancellationToken)
            ?? throw new InvalidOperationException("The person was saved but the read model is missing.");
    }

    /// <summary>A PNC id names one person.</summary>
    public static Func<IDocumentSession, Task> PncIsFree(Guid personId, string? pncId, CancellationToken cancellationToken) => async session =>
    {
        var pnc = PersonMatching.Pnc(pncId);
        if (pnc is null)
            return;
        var holder = await session.Query<Person>().Where(p => p.PncId == pnc && p.Id != personId).AnyAsync(cancellationToken);
        if (holder)
            throw new DuplicateRecordException("pnc_id", "another person already has this PNC id");
    };
}
