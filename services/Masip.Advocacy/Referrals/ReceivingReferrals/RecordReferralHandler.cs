using Marten;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals.ReceivingReferrals;

public sealed class RecordReferralHandler(IDocumentStore store, TimeProvider clock)
{
    public static RecordReferral Validate(RecordReferralRequest request) => new(
        Require.Id(request.ReferralId, "referral_id"),
        Require.OneOf(request.Source, "source", RecordReferralDecision.Sources),
        Require.OptionalText(request.CrimeReference, "crime_reference", 64),
        Require.Text(request.VictimName, "victim_name", 200),
        Require.OptionalText(request.VictimPhone, "victim_phone", 40),
        Require.OptionalText(request.VictimEmail, "victim_email", 254),
        Require.Text(request.Reason, "reason"));

    public async Task<Referral> Handle(RecordReferral command, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Attempt(command, cancellationToken);
            }
            catch (Exception ex) when (attempt < 10 && (ReferralDuplicates.IsRace(ex) || Infrastructure.EventStreams.IsConflict(ex)))
            {
                // The same victim in the same case was referred at the same moment: decide again, and link.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }
        }
    }

    private async Task<Referral> Attempt(RecordReferral command, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var current = await session.LoadAsync<Referral>(command.ReferralId, cancellationToken);
        var original = current is null
            ? await ReferralDuplicates.FindOriginal(session, ReferralDuplicates.KeyOf(command.CrimeReference, command.VictimName), command.ReferralId, cancellationToken)
            : null;
        var decision = RecordReferralDecision.Decide(current, original, command, clock.GetUtcNow());
        if (decision.Events.Count > 0)
        {
            var stream = await session.Events.FetchForWriting<Referral>(decision.StreamId, cancellationToken);
            stream.AppendMany(decision.Events);
            await session.SaveChangesAsync(cancellationToken);
        }
        return await session.LoadAsync<Referral>(decision.StreamId, cancellationToken)
            ?? throw new InvalidOperationException("The referral was saved but its read model is missing.");
    }
}
