using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.Probation.People;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Probation.Mappa.Flagging;

/// <summary>
/// A case tiered by STAC police: its tier is kept (newest news wins, by the police's position),
/// and a Tier 3 perpetrator known to probation with no MAPPA consideration is flagged.
/// </summary>
public sealed class CaseTieredConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<CaseTieredConsumer> logger)
    : InboxConsumer<CaseTieredV1>(pipeline, service, logger)
{
    protected override async Task Handle(CaseTieredV1 message, CommandScope scope, ConsumeContext<CaseTieredV1> context)
    {
        var source = context.Source();
        var known = await scope.Load<TieredCase>(message.CaseId);
        if (!source.IsNewerThan(known?.LastSequence))
        {
            logger.LogInformation("Ignored tier {Tier} of case {CaseId}: older ({Sequence}) than what was applied ({Applied})",
                message.Tier, message.CaseId, source.Sequence, known?.LastSequence);
            return;
        }
        scope.Session.Store(new TieredCase(message.CaseId, message.PerpetratorId, message.Tier, message.TieredAt, source.After(known?.LastSequence),
            message.Offence, message.RiskLevel, message.CrimeReference));
        if (message.Tier != 3 || message.PerpetratorId is not { } perpetratorId)
            return;

        var person = await scope.Session.Query<Person>().Where(p => p.PerpetratorId == perpetratorId).FirstOrDefaultAsync(scope.Cancellation);
        if (person is null)
            return;
        var stream = await scope.Stream<Person>(person.Id);
        var events = FlagForMappaConsiderationDecision.Decide(stream.Aggregate, message.CaseId, message.Tier, scope.Now);
        if (events.Count == 0)
            return;
        stream.AppendMany(events);
        logger.LogInformation("Person {PersonId} flagged for MAPPA consideration (case {CaseId})", person.Id, message.CaseId);
    }
}
