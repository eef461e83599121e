using Marten;

namespace Masip.Nhs.Referrals.DecidingReferrals;

public sealed class DecideReferralHandler(IDocumentStore store, TimeProvider clock)
{
    public Task<Referral> Handle(AcceptReferral command, CancellationToken cancellationToken) =>
        Decide(command.ReferralId, (current, now) => DecideReferralDecision.Decide(current, command, now), cancellationToken);

    public Task<Referral> Handle(DeclineReferral command, CancellationToken cancellationToken) =>
        Decide(command.ReferralId, (current, now) => DecideReferralDecision.Decide(current, command, now), cancellationToken);

    private async Task<Referral> Decide(Guid id, Func<Referral?, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Referral>(id, cancellationToken);
        var events = decide(stream.Aggregate, clock.GetUtcNow());
        if (events.Count == 0)
            return stream.Aggregate!;
        stream.AppendMany(events);
        await session.SaveChangesAsync(cancellationToken);
        return await session.LoadAsync<Referral>(id, cancellationToken)
            ?? throw new InvalidOperationException("The referral was saved but its read model is missing.");
    }
}
