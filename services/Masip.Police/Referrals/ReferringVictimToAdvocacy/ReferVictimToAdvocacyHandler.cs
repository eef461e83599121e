using Marten;
using Masip.Contracts.Police;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Referrals.ReferringVictimToAdvocacy;

public sealed class ReferVictimToAdvocacyHandler(IDocumentStore store, TimeProvider clock)
{
    public static ReferVictimToAdvocacy Validate(ReferVictimToAdvocacyRequest request) => new(
        Require.Id(request.ReferralId, "referral_id"),
        Require.Text(request.CrimeReference, "crime_reference", 64),
        Require.Text(request.VictimName, "victim_name", 200),
        Require.OptionalText(request.VictimPhone, "victim_phone", 40),
        Require.OptionalText(request.VictimEmail, "victim_email", 254),
        Require.Text(request.Reason, "reason"),
        Require.Text(request.ReferredBy, "referred_by", 100));

    public async Task<VictimReferral> Handle(ReferVictimToAdvocacy command, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<VictimReferral>(command.ReferralId, cancellationToken);
        var events = ReferVictimToAdvocacyDecision.Decide(stream.Aggregate, command, clock.GetUtcNow());
        if (events.Count == 0)
            return stream.Aggregate!;
        stream.AppendMany(events);
        await session.SaveChangesAsync(cancellationToken);
        return await session.LoadAsync<VictimReferral>(command.ReferralId, cancellationToken)
            ?? throw new InvalidOperationException("The referral was saved but its read model is missing.");
    }
}
