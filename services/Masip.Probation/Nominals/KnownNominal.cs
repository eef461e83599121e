using MassTransit;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Probation.Nominals;

/// <summary>
/// Whether a police perpetrator is an Operation Griffin nominal, as the police's latest news says,
/// keyed by the perpetrator id: ids only (the nominal's name and rationale are griffin.restricted
/// and stay with the police). A removal is kept (<see cref="Removed"/>) with the police's position
/// (<see cref="LastSequence"/>), so that an "added" that arrives after it, but was sent before it,
/// is recognised as older news and does not bring the nominal back.
/// </summary>
public sealed record KnownNominal(Guid Id, Guid NominalId, bool Removed, DateTimeOffset ChangedAt, long? LastSequence);

public sealed class NominalAddedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<NominalAddedConsumer> logger)
    : InboxConsumer<NominalAddedV1>(pipeline, service, logger)
{
    protected override async Task Handle(NominalAddedV1 message, CommandScope scope, ConsumeContext<NominalAddedV1> context)
    {
        var source = context.Source();
        var known = await scope.Load<KnownNominal>(message.PerpetratorId);
        if (!source.IsNewerThan(known?.LastSequence))
        {
            logger.LogInformation("Ignored a nominal added for perpetrator {PerpetratorId}: older ({Sequence}) than what was applied ({Applied})",
                message.PerpetratorId, source.Sequence, known?.LastSequence);
            return;
        }
        scope.Session.Store(new KnownNominal(message.PerpetratorId, message.NominalId, false, message.AddedAt, source.After(known?.LastSequence)));
    }
}

public sealed class NominalRemovedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<NominalRemovedConsumer> logger)
    : InboxConsumer<NominalRemovedV1>(pipeline, service, logger)
{
    protected override async Task Handle(NominalRemovedV1 message, CommandScope scope, ConsumeContext<NominalRemovedV1> context)
    {
        var source = context.Source();
        var known = await scope.Load<KnownNominal>(message.PerpetratorId);
        // A removal that overtook a later re-nomination is older news: the nomination stands.
        if (!source.IsNewerThan(known?.LastSequence))
        {
            logger.LogInformation("Ignored a nominal removed for perpetrator {PerpetratorId}: older ({Sequence}) than what was applied ({Applied})",
                message.PerpetratorId, source.Sequence, known?.LastSequence);
            return;
        }
        scope.Session.Store(new KnownNominal(message.PerpetratorId, message.NominalId, true, message.RemovedAt, source.After(known?.LastSequence)));
    }
}
