using Marten;
using Masip.Police.Cases;
using Masip.Police.Perpetrators;

namespace Masip.Police.Referrals.ReferringPerpetrators;

public sealed class ReferPerpetratorHandler(IDocumentStore store, TimeProvider clock)
{
    public async Task<PerpetratorReferral> Handle(ReferPerpetrator command, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<PerpetratorReferral>(command.ReferralId, ct);
        var @case = await CaseCommands.Load(session, command.CaseId, ct);
        var perpetrator = @case.PerpetratorId is { } id ? await session.LoadAsync<Perpetrator>(id, ct) : null;
        var events = ReferPerpetratorDecision.Decide(stream.Aggregate, @case, perpetrator, command, clock.GetUtcNow());
        if (events.Count == 0)
            return stream.Aggregate!;
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        return await session.LoadAsync<PerpetratorReferral>(command.ReferralId, ct)
            ?? throw new InvalidOperationException("The referral was saved but its read model is missing.");
    }
}
