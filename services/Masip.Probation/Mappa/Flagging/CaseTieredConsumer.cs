using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.Probation.People;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Probation.Mappa.Flagging;

/// <summary>A case tiered by STAC police: a Tier 3 perpetrator known to probation with no MAPPA consideration is flagged.</summary>
public sealed class CaseTieredConsumer(CommandPipeline pipeline, ServiceIdentity service, TimeProvider clock, ILogger<CaseTieredConsumer> logger)
    : InboxConsumer<CaseTieredV1>(pipeline, service, logger)
{
    protected override async Task Handle(CaseTieredV1 message, CommandScope scope, ConsumeContext<CaseTieredV1> context)
    {
        var session = scope.Session;
        if (message.PerpetratorId is not { } perpetratorId)
            return;
        var known = await session.LoadAsync<TieredCase>(perpetratorId, context.CancellationToken);
        if (message.Tier == 3 && (known is null || known.TieredAt <= message.TieredAt))
            session.Store(new TieredCase(perpetratorId, message.CaseId, message.Tier, message.TieredAt));
        else if (message.Tier != 3 && known?.CaseId == message.CaseId && known.TieredAt <= message.TieredAt)
            session.Delete<TieredCase>(perpetratorId);
        if (message.Tier != 3)
            return;
        var person = await session.Query<Person>().Where(p => p.PerpetratorId == perpetratorId).FirstOrDefaultAsync(context.CancellationToken);
        var events = FlagForMappaConsiderationDecision.Decide(person, message.CaseId, message.Tier, clock.GetUtcNow());
        if (events.Count == 0)
            return;
        session.Events.Append(person!.Id, events.ToArray());
        logger.LogInformation("Person {PersonId} flagged for MAPPA consideration (case {CaseId})", person.Id, message.CaseId);
    }
}
