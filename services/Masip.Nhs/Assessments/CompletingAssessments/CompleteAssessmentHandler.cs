using Marten;
using Masip.Nhs.Referrals;

namespace Masip.Nhs.Assessments.CompletingAssessments;

public sealed class CompleteAssessmentHandler(IDocumentStore store, TimeProvider clock)
{
    public async Task<Assessment> Handle(CompleteAssessment command, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var referral = await session.LoadAsync<Referral>(command.ReferralId, cancellationToken);
        var stream = await session.Events.FetchForWriting<Assessment>(command.AssessmentId, cancellationToken);
        var events = CompleteAssessmentDecision.Decide(referral, stream.Aggregate, command, clock.GetUtcNow());
        if (events.Count == 0)
            return stream.Aggregate!;
        stream.AppendMany(events);
        await session.SaveChangesAsync(cancellationToken);
        return await session.LoadAsync<Assessment>(command.AssessmentId, cancellationToken)
            ?? throw new InvalidOperationException("The assessment was saved but its read model is missing.");
    }
}
