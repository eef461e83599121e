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
/// <para>
/// No order guard (issue 13.3): a referral is an immutable fact, sent once, keyed by its referral
/// id; the answer starts that referral's stream once (a redelivery is caught by the inbox, a
/// concurrent one by the stream's identity, after which the decider sees the answer and does
/// nothing). There is no older or newer news of a referral for it to weigh, and the one state it
/// touches elsewhere, the person's police id, is only ever set when the person has none.
/// </para>
/// </summary>
public sealed class PerpetratorReferredToProbationConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<PerpetratorReferredToProbationConsumer> logger)
    : InboxConsumer<PerpetratorReferredToProbationV1>(pipeline, service, logger)
{
    protected override async Task Handle(PerpetratorReferredToProbationV1 message, CommandScope scope, ConsumeContext<PerpetratorReferredToProbationV1> context)
    {
        var referral = await scope.Stream<ProbationReferral>(message.ReferralId);
        var (match, matchedBy) = await Match(scope.Session, message, scope.Cancellation);
        var events = AnswerReferralDecision.Decide(referral.Aggregate,
            new AnswerReferral(message.ReferralId, message.CaseId, message.PerpetratorId, message.Question), match, matchedBy, scope.Now);
        if (events.Count == 0)
            return;
        referral.AppendMany(events);

        // The police id lets the next Tier 3 case and release find this person without a name search.
        if (match is not null)
        {
            var person = await scope.Stream<Person>(match.Id);
            if (person.Aggregate is { PerpetratorId: null } unlinked)
            {
                var linked = new PerpetratorLinked(unlinked.Id, message.PerpetratorId, message.ReferralId, scope.Now);
                person.AppendMany([linked, .. await TieredCases.FlagIfTier3(scope.Session, unlinked.Apply(linked), scope.Now, scope.Cancellation)]);
            }
        }
        logger.LogInformation("Referral {ReferralId} answered: known {Known} (matched by {MatchedBy})", message.ReferralId, match is not null, matchedBy);
    }

    private static async Task<(Person?, string)> Match(IQuerySession session, PerpetratorReferredToProbationV1 message, CancellationToken ct)
    {
        if (PersonMatching.Pnc(message.PncId) is { } pnc
            && await session.Query<Person>().Where(p => p.PncId == pnc).FirstOrDefaultAsync(ct) is { } byPnc)
            return (byPnc, MatchedBy.PncId);
        if (await session.Query<Person>().Where(p => p.PerpetratorId == message.PerpetratorId).FirstOrDefaultAsync(ct) is { } byId)
            return (byId, MatchedBy.PerpetratorId);
        if (message.DateOfBirth is { } dob)
        {
            var key = PersonMatching.NameKey(message.PerpetratorName);
            // Two are enough to know the match is ambiguous: then it is no match, and a person checks by hand.
            var candidates = await session.Query<Person>().Where(p => p.NameKey == key && p.DateOfBirth == dob).Take(2).ToListAsync(ct);
            if (candidates.Count == 1)
                return (candidates[0], MatchedBy.NameAndDateOfBirth);
        }
        return (null, MatchedBy.None);
    }
}
