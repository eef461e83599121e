using MassTransit;
using Marten;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;
using Masip.ServiceDefaults.Sharing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Masip.ServiceDefaults.DataProtection;

public static class DataProtectionModule
{
    /// <summary>Every service: the exports' documents, and a coordinator's part reported back by message.</summary>
    public static IServiceCollection AddSubjectRights(this IServiceCollection services)
    {
        services.ConfigureMarten(store =>
        {
            store.Schema.For<SubjectAccessExport>();
            store.Schema.For<DpoAlert>();
            store.Projections.Snapshot<RetentionReview>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
            store.Schema.For<RetentionReview>().Duplicate(r => r.Status).Duplicate(r => r.DueAt);
            store.Projections.Snapshot<ProcessingRestriction>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
            store.Schema.For<ProcessingRestriction>().Duplicate(r => r.Active);
            store.Schema.For<RectificationEntry>().Duplicate(r => r.RecordId);
        });
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section);
        services.AddSingleton<RetentionScanner>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionScanner>());
        services.AddSingleton<ICommandGuard, ProcessingRestrictionGuard>();
        services.PublishIntegrationEvent<SubjectAccessExported>(e => e.RequestId is { } request
            ? new SubjectAccessPartPreparedV1(request, e.Agency, e.ExportId, e.Records, e.Disclosures, e.WithheldValues, e.Sha256, e.PreparedAt)
            : null);
        services.AddCoordinatedErasure();
        return services;
    }
}

/// <summary>
/// An agency's part of a coordinator's subject-access request (each of the four agencies has one
/// concrete consumer of it): prepared in the inbox's transaction under an id derived from the
/// request, so a redelivered request prepares nothing twice; the outbox reports it back.
/// </summary>
public abstract class SubjectAccessPartConsumer(CommandPipeline pipeline, ServiceIdentity service, SharingAgreements agreements, ILogger logger)
    : InboxConsumer<SubjectAccessRequestedV1>(pipeline, service, logger)
{
    protected override async Task Handle(SubjectAccessRequestedV1 message, CommandScope scope, ConsumeContext<SubjectAccessRequestedV1> context)
    {
        var exportId = Masip.ServiceDefaults.Persistence.DeterministicId.For("subject-access-part", message.RequestId, ServiceName);
        if (await scope.Load<SubjectAccessExport>(exportId) is not null)
            return;
        var export = await SubjectAccessParts.Prepare(scope, agreements.Current.SubjectAccess, ServiceName, exportId, message.RequestId,
            new DataSubject(message.Name, message.DateOfBirth));
        Logger.LogInformation("Subject-access request {RequestId}: part {ExportId} prepared with {Records} records", message.RequestId, exportId, export.Records);
    }
}
