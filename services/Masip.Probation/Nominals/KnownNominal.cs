using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Probation.Nominals;

/// <summary>
/// A perpetrator who is an Operation Griffin nominal, keyed by the police perpetrator id: ids
/// only (the nominal's name and rationale are griffin.restricted and stay with the police).
/// </summary>
public sealed record KnownNominal(Guid Id, Guid NominalId, DateTimeOffset AddedAt);

public sealed class NominalAddedConsumer(IDocumentStore store, ILogger<NominalAddedConsumer> logger) : InboxConsumer<NominalAddedV1>(store, logger)
{
    protected override Task Handle(NominalAddedV1 message, IDocumentSession session, ConsumeContext<NominalAddedV1> context)
    {
        session.Store(new KnownNominal(message.PerpetratorId, message.NominalId, message.AddedAt));
        return Task.CompletedTask;
    }
}

public sealed class NominalRemovedConsumer(IDocumentStore store, ILogger<NominalRemovedConsumer> logger) : InboxConsumer<NominalRemovedV1>(store, logger)
{
    protected override async Task Handle(NominalRemovedV1 message, IDocumentSession session, ConsumeContext<NominalRemovedV1> context)
    {
        // A removal that overtook a later re-nomination must not delete it.
        var known = await session.LoadAsync<KnownNominal>(message.PerpetratorId, context.CancellationToken);
        if (known is not null && known.NominalId == message.NominalId && known.AddedAt <= message.RemovedAt)
            session.Delete<KnownNominal>(message.PerpetratorId);
    }
}
