using Marten;
using Masip.Advocacy.Infrastructure;
using Masip.Advocacy.Referrals;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Support.Allocating;

/// <summary>
/// Appends to the referral, the new episode and the advocate's caseload stream in one
/// transaction, each with the version it read. On a conflict (another allocation to the same
/// advocate committed first) it reloads and decides again, so the 21st case is refused even
/// when allocations race.
/// </summary>
public sealed class AllocateSupportHandler(IDocumentStore store, TimeProvider clock, ILogger<AllocateSupportHandler> logger)
{
    private const int MaxAttempts = 25;

    public async Task<SupportEpisode> Handle(AllocateSupport command, CancellationToken cancellationToken)
    {
        var caseloadId = AdvocateCaseload.StreamIdFor(command.AdvocateId);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var referral = await session.Events.FetchForWriting<Referral>(command.ReferralId, cancellationToken);
            if (referral.Aggregate is null)
                throw new RecordNotFoundException("referral_id", $"no referral {command.ReferralId}");
            var caseload = await session.Events.FetchForWriting<AdvocateCaseload>(caseloadId, cancellationToken);

            var allocation = AllocateSupportDecision.Decide(referral.Aggregate, caseload.Aggregate, command, Guid.CreateVersion7(), clock.GetUtcNow());
            referral.AppendMany(allocation.ReferralEvents);
            session.Events.StartStream<SupportEpisode>(allocation.EpisodeId, allocation.EpisodeEvents.ToArray());
            if (allocation.CaseloadEvents.Count > 0)
                caseload.AppendMany(allocation.CaseloadEvents);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
            }
            catch (Exception ex) when (EventStreams.IsConflict(ex) && attempt < MaxAttempts)
            {
                logger.LogInformation("Allocation of referral {ReferralId} conflicted (attempt {Attempt}); deciding again", command.ReferralId, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
                continue;
            }
            return await session.LoadAsync<SupportEpisode>(allocation.EpisodeId, cancellationToken)
                ?? throw new InvalidOperationException("The episode was saved but its read model is missing.");
        }
    }
}
