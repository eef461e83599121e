using Marten;

namespace Masip.Probation.Psr;

/// <summary>Runs one decision against a consultation's stream: fetch for writing, decide, append, save.</summary>
public sealed class PsrCommands(IDocumentStore store, TimeProvider clock)
{
    public async Task<PsrConsultation> Execute(Guid consultationId,
        Func<PsrConsultation?, IDocumentSession, DateTimeOffset, Task<IReadOnlyList<object>>> decide, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<PsrConsultation>(consultationId, cancellationToken);
        var events = await decide(stream.Aggregate, session, clock.GetUtcNow());
        if (events.Count == 0)
            return stream.Aggregate!;
        stream.AppendMany(events);
        await session.SaveChangesAsync(cancellationToken);
        return await session.LoadAsync<PsrConsultation>(consultationId, cancellationToken)
            ?? throw new InvalidOperationException("The consultation was saved but its read model is missing.");
    }

    public Task<PsrConsultation> Execute(Guid consultationId, Func<PsrConsultation?, DateTimeOffset, IReadOnlyList<object>> decide,
        CancellationToken cancellationToken) =>
        Execute(consultationId, (current, _, now) => Task.FromResult(decide(current, now)), cancellationToken);
}
