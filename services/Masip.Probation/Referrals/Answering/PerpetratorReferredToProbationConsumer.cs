using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.Probation.Mappa.Flagging;
using Masip.Probation.People;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Probation.Referrals.Answering;

/// <summary>
/// "Is this person known to probation?" Matched on the PNC id first, then the police
/// perpetrator id, then the normalised name with the date of birth; answered through the outbox.
/// A "psr-consultation" question gets the same answer: the message carries no court, hearing or
/// due date, so the probation officer opens the consultation (RequestPsrConsultation).
/// </summary>
public sealed class PerpetratorReferredToProbationConsumer(CommandPipeline pipeline, ServiceIdentity service, TimeProvider clock, ILogger<PerpetratorReferredToProbationConsumer> logger)
    : InboxConsumer<PerpetratorReferredToProbationV1>(pipeline, service, logger)
{
    protected override async Task Handle(PerpetratorReferredToProbationV1 message, CommandScope scope, ConsumeContext<PerpetratorReferredToProbationV1> context)
    {
        var session = scope.Session;
        var ct = context.CancellationToken;
        var (match, matchedBy) = await Match(session, message, ct);
        var current = await session.LoadAsync<ProbationReferral>(message.ReferralId, ct);
        var now = clock.GetUtcNow();
        var events = AnswerReferralDecision.Decide(current,
            new AnswerReferral(message.ReferralId, message.CaseId, message.PerpetratorId, message.Question), match, matchedBy, now);
        if (events.Count == 0)
            return;
        session.Events.StartStream<ProbationReferral>(message.ReferralId, events.ToArray());

        // The police id lets the next Tier 3 case and release find this person without a name search.
        if (match is { PerpetratorId: null })
        {
            var linked = new PerpetratorLinked(match.Id, message.PerpetratorId, message.ReferralId, now);
            session.Events.Append(match.Id, [linked, .. await TieredCases.FlagIfTier3(session, match.Apply(linked), now, ct)]);
        }
        logger.LogInformation("Referral {ReferralId} answered: known {Known} (matched by {MatchedBy})", message.ReferralId, match is not null, matchedBy);
    }

    private static async Task<(Person?, string)> Match(IDocumentSession session, PerpetratorReferredToProbationV1 message, CancellationToken ct)
    {
        if (PersonMatching.Pnc(message.PncId) is { } pnc
            && await session.Query<Person>().Where(p => p.PncId == pnc).FirstOrDefaultAsync(ct) is { } byPnc)
            return (byPnc, MatchedBy.PncId);
        if (await session.Query<Person>().Where(p => p.PerpetratorId == message.PerpetratorId).FirstOrDefaultAsync(ct) is { } byId)
            return (byId, MatchedBy.PerpetratorId);
        if (message.DateOfBirth is { } dob)
        {
            var key = PersonMatching.NameKey(message.PerpetratorName);
            var sameName = await session.Query<Person>().Where(p => p.NameKey == key).Take(50).ToListAsync(ct);
            var candidates = sameName.Where(p => p.DateOfBirth == dob).ToList();
            // Two people with one name and date of birth: not a match; a person must check by hand.
            if (candidates.Count == 1)
                return (candidates[0], MatchedBy.NameAndDateOfBirth);
        }
        return (null, MatchedBy.None);
    }
}
