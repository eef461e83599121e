using Marten;
using Masip.Advocacy.Infrastructure;
using Masip.Advocacy.Referrals;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Support.Closing;

public sealed class CloseEpisodeHandler(IDocumentStore store, TimeProvider clock)
{
    private const int MaxAttempts = 25;

    public async Task<SupportEpisode> Handle(CloseEpisode command, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var episode = await session.Events.FetchForWriting<SupportEpisode>(command.EpisodeId, cancellationToken);
            var current = episode.Aggregate ?? throw new RecordNotFoundException("episode_id", $"no episode {command.EpisodeId}");
            var now = clock.GetUtcNow();
            episode.AppendMany(CloseEpisodeDecision.Decide(current, command, now));
            session.Events.Append(current.ReferralId, new SupportEnded(current.ReferralId, current.Id, now));
            if (current.Level == SupportLevel.Advocacy)
            {
                var caseload = await session.Events.FetchForWriting<AdvocateCaseload>(AdvocateCaseload.StreamIdFor(current.AdvocateId), cancellationToken);
                caseload.AppendMany(CloseEpisodeDecision.Release(current, caseload.Aggregate, now));
            }
            try
            {
                await session.SaveChangesAsync(cancellationToken);
            }
            catch (Exception ex) when (EventStreams.IsConflict(ex) && attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
                continue;
            }
            return (await session.LoadAsync<SupportEpisode>(command.EpisodeId, cancellationToken))!;
        }
    }
}
