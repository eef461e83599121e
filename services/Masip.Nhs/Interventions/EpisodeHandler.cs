using Marten;
using Masip.Nhs.Interventions.StartingInterventions;
using Masip.Nhs.Referrals;

namespace Masip.Nhs.Interventions;

/// <summary>Loads an episode stream, lets a decider decide, appends and saves (optimistic concurrency).</summary>
public sealed class EpisodeHandler(IDocumentStore store, TimeProvider clock)
{
    public async Task<Episode> Start(StartIntervention command, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var referral = await session.LoadAsync<Referral>(command.ReferralId, cancellationToken);
        var stream = await session.Events.FetchForWriting<Episode>(command.EpisodeId, cancellationToken);
        return await Save(session, stream, command.EpisodeId,
            StartInterventionDecision.Decide(referral, stream.Aggregate, command, clock.GetUtcNow()), cancellationToken);
    }

    public async Task<Episode> Change(Guid episodeId, Func<Episode?, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Episode>(episodeId, cancellationToken);
        return await Save(session, stream, episodeId, decide(stream.Aggregate, clock.GetUtcNow()), cancellationToken);
    }

    private static async Task<Episode> Save(IDocumentSession session, JasperFx.Events.IEventStream<Episode> stream, Guid id,
        IReadOnlyList<object> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
            return stream.Aggregate!;
        stream.AppendMany(events);
        await session.SaveChangesAsync(cancellationToken);
        return await session.LoadAsync<Episode>(id, cancellationToken)
            ?? throw new InvalidOperationException("The episode was saved but its read model is missing.");
    }
}
