using MassTransit;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.DataProtection;
using Masip.ServiceDefaults.Messaging;
using Masip.ServiceDefaults.Sharing;

namespace Masip.Police.DataProtection;

/// <summary>The police's own part of a subject-access request.</summary>
public sealed class SubjectAccessRequestedConsumer(CommandPipeline pipeline, ServiceIdentity service, SharingAgreements agreement,
    ILogger<SubjectAccessRequestedConsumer> logger) : SubjectAccessPartConsumer(pipeline, service, agreement, logger);

/// <summary>An agency's part arrived: recorded on the coordinator's request (once per agency).</summary>
public sealed class SubjectAccessPartPreparedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<SubjectAccessPartPreparedConsumer> logger)
    : InboxConsumer<SubjectAccessPartPreparedV1>(pipeline, service, logger)
{
    protected override async Task Handle(SubjectAccessPartPreparedV1 m, CommandScope scope, ConsumeContext<SubjectAccessPartPreparedV1> context)
    {
        var stream = await scope.Stream<SubjectAccessRequest>(m.RequestId);
        if (stream.Aggregate is not { } request)
        {
            Logger.LogWarning("Subject-access part {ExportId} from {Agency} names unknown request {RequestId}", m.ExportId, m.Agency, m.RequestId);
            return;
        }
        stream.AppendMany(request.Receive(new SubjectAccessPartReceived(m.RequestId, m.Agency, m.ExportId, m.Records, m.Disclosures,
            m.WithheldValues, m.Sha256, m.PreparedAt)));
    }
}
