using Marten;

namespace Masip.Nhs.Referrals.RecordingReferrals;

public sealed class RecordReferralHandler(IDocumentStore store, TimeProvider clock)
{
    public async Task<Referral> Handle(RecordReferral command, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Referral>(command.ReferralId, cancellationToken);
        var events = RecordReferralDecision.Decide(stream.Aggregate, command, clock.GetUtcNow());
        if (events.Count == 0)
            return stream.Aggregate!;
        stream.AppendMany(events);
        await session.SaveChangesAsync(cancellationToken);
        return await session.LoadAsync<Referral>(command.ReferralId, cancellationToken)
            ?? throw new InvalidOperationException("The referral was saved but its read model is missing.");
    }
}
