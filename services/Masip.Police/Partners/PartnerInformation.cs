using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Police.Partners;

/// <summary>
/// The NHS risk summary of a perpetrator, as the NHS shared it: the only part of an assessment
/// that leaves the NHS (never clinical detail). The newest news (the NHS's sequence) stands.
/// </summary>
public sealed record PartnerRiskSummary(
    Guid Id, Guid ReferralId, string RiskOfViolence, string RiskOfPersistence, string RiskOfRecurrence,
    string RiskOfPsychologicalDamage, string Summary, DateTimeOffset AssessedAt, long? Sequence = null);

/// <summary>What probation shared for the DMM about a perpetrator: known or not, order, officer, MAPPA, release.</summary>
public sealed record PartnerProbationRecord(
    Guid Id, bool KnownToProbation, string? OrderType, DateOnly? OrderEnds, string? ResponsibleOfficer,
    int? MappaCategory, DateOnly? ExpectedRelease, DateTimeOffset SharedAt, long? Sequence = null);

/// <summary>NHS completed or revised an assessment of a perpetrator police know.</summary>
public sealed class RiskSummaryUpdatedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<RiskSummaryUpdatedConsumer> logger)
    : InboxConsumer<RiskSummaryUpdatedV1>(pipeline, service, logger)
{
    protected override async Task Handle(RiskSummaryUpdatedV1 message, CommandScope scope, ConsumeContext<RiskSummaryUpdatedV1> context)
    {
        var source = context.Source();
        var current = await scope.Load<PartnerRiskSummary>(message.PerpetratorId);
        if (!source.IsNewerThan(current?.Sequence))
        {
            logger.LogInformation("NHS risk summary for perpetrator {PerpetratorId} ignored: older than the one held", message.PerpetratorId);
            return;
        }
        NewestNews.Keep(scope.Session, current, new PartnerRiskSummary(message.PerpetratorId, message.ReferralId, message.RiskOfViolence,
            message.RiskOfPersistence, message.RiskOfRecurrence, message.RiskOfPsychologicalDamage, message.Summary, message.AssessedAt,
            NewestNews.Applied(source, current?.Sequence)));
        logger.LogInformation("NHS risk summary stored for perpetrator {PerpetratorId}", message.PerpetratorId);
    }
}

/// <summary>Probation answered "is this person known to probation?" (or shared again): the newest answer stands.</summary>
public sealed class ProbationRecordSharedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<ProbationRecordSharedConsumer> logger)
    : InboxConsumer<ProbationRecordSharedV1>(pipeline, service, logger)
{
    protected override async Task Handle(ProbationRecordSharedV1 message, CommandScope scope, ConsumeContext<ProbationRecordSharedV1> context)
    {
        var source = context.Source();
        var current = await scope.Load<PartnerProbationRecord>(message.PerpetratorId);
        if (!source.IsNewerThan(current?.Sequence))
        {
            logger.LogInformation("Probation record for perpetrator {PerpetratorId} ignored: older than the one held", message.PerpetratorId);
            return;
        }
        NewestNews.Keep(scope.Session, current, new PartnerProbationRecord(message.PerpetratorId, message.KnownToProbation, message.OrderType,
            message.OrderEnds, message.ResponsibleOfficer, message.MappaCategory, message.ExpectedRelease, message.SharedAt,
            NewestNews.Applied(source, current?.Sequence)));
        logger.LogInformation("Probation record stored for perpetrator {PerpetratorId}", message.PerpetratorId);
    }
}

public static class PartnersModule
{
    public static IServiceCollection AddPartnerInformation(this IServiceCollection services) =>
        services.ConfigureMarten(store =>
        {
            store.Schema.For<PartnerRiskSummary>().UseOptimisticConcurrency(true);
            store.Schema.For<PartnerProbationRecord>().UseOptimisticConcurrency(true);
        });
}
