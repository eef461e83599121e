using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Probation.Nominals;

/// <summary>
/// A perpetrator who is an Operation Griffin nominal, keyed by the police perpetrator id: ids
/// only (the nominal's name and rationale are griffin.restricted and stay with the police).
/// </summary>
public sealed record KnownNominal(Guid Id, Guid NominalId, DateTimeOffset AddedAt);

public sealed class NominalAddedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<NominalAddedConsumer> logger) : InboxConsumer<NominalAddedV1>(pipeline, service, logger)
{
    protected override Task Handle(NominalAddedV1 message, CommandScope scope, ConsumeContext<NominalAddedV1> context)
    {
        var session = scope.Session;
        session.Store(new KnownNominal(message.PerpetratorId, message.NominalId, message.AddedAt));
        return Task.CompletedTask;
    }
}

public sealed class NominalRemovedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<NominalRemovedConsumer> logger) : InboxConsumer<NominalRemovedV1>(pipeline, service, logger)
{
    protected override async Task Handle(NominalRemovedV1 message, CommandScope scope, ConsumeContext<NominalRemovedV1> context)
    {
        var session = scope.Session;
        // A removal that overtook a later re-nomination must not delete it.
        var known = await session.LoadAsync<KnownNominal>(message.PerpetratorId, context.CancellationToken);
        if (known is not null && known.NominalId == message.NominalId && known.AddedAt <= message.RemovedAt)
            session.Delete<KnownNominal>(message.PerpetratorId);
    }
}
