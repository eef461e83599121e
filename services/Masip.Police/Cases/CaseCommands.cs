using Marten;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Cases;

/// <summary>
/// Runs a decider against one case stream: load with optimistic concurrency, decide with the
/// clock's now, append, save (a conflict becomes Aborted), and return the read model.
/// </summary>
public sealed class CaseCommands(IDocumentStore store, TimeProvider clock)
{
    public async Task<StacCase> Run(Guid caseId, Func<StacCase, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct,
        Action<IDocumentSession, StacCase, IReadOnlyList<object>>? alsoAppend = null)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<StacCase>(caseId, ct);
        var current = stream.Aggregate ?? throw new RecordNotFoundException("case_id", $"no case {caseId}");
        var events = decide(current, clock.GetUtcNow());
        if (events.Count == 0)
            return current;
        stream.AppendMany(events);
        alsoAppend?.Invoke(session, current, events);
        await session.SaveChangesAsync(ct);
        return await session.LoadAsync<StacCase>(caseId, ct)
            ?? throw new InvalidOperationException("The case was saved but its read model is missing.");
    }

    public static async Task<StacCase> Load(IQuerySession query, Guid caseId, CancellationToken ct) =>
        await query.LoadAsync<StacCase>(caseId, ct) ?? throw new RecordNotFoundException("case_id", $"no case {caseId}");
}
