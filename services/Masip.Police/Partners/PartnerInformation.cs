using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Police.Partners;

/// <summary>
/// The NHS risk summary of a perpetrator, as the NHS shared it: the only part of an assessment
/// that leaves the NHS (never clinical detail). The latest assessment wins.
/// </summary>
public sealed record PartnerRiskSummary(
    Guid Id, Guid ReferralId, string RiskOfViolence, string RiskOfPersistence, string RiskOfRecurrence,
    string RiskOfPsychologicalDamage, string Summary, DateTimeOffset AssessedAt);

/// <summary>What probation shared for the DMM about a perpetrator: known or not, order, officer, MAPPA, release.</summary>
public sealed record PartnerProbationRecord(
    Guid Id, bool KnownToProbation, string? OrderType, DateOnly? OrderEnds, string? ResponsibleOfficer,
    int? MappaCategory, DateOnly? ExpectedRelease, DateTimeOffset SharedAt);

/// <summary>NHS completed or revised an assessment of a perpetrator police know.</summary>
public sealed class RiskSummaryUpdatedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<RiskSummaryUpdatedConsumer> logger)
    : InboxConsumer<RiskSummaryUpdatedV1>(pipeline, service, logger)
{
    protected override async Task Handle(RiskSummaryUpdatedV1 message, CommandScope scope, ConsumeContext<RiskSummaryUpdatedV1> context)
    {
        var session = scope.Session;
        var current = await session.LoadAsync<PartnerRiskSummary>(message.PerpetratorId, context.CancellationToken);
        if (current is not null && current.AssessedAt > message.AssessedAt)
            return; // an older assessment arriving late does not replace a newer one
        PartnerStore.Keep(session, current, new PartnerRiskSummary(message.PerpetratorId, message.ReferralId, message.RiskOfViolence,
            message.RiskOfPersistence, message.RiskOfRecurrence, message.RiskOfPsychologicalDamage, message.Summary, message.AssessedAt));
        logger.LogInformation("NHS risk summary stored for perpetrator {PerpetratorId}", message.PerpetratorId);
    }
}

/// <summary>Probation answered "is this person known to probation?".</summary>
public sealed class ProbationRecordSharedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<ProbationRecordSharedConsumer> logger)
    : InboxConsumer<ProbationRecordSharedV1>(pipeline, service, logger)
{
    protected override async Task Handle(ProbationRecordSharedV1 message, CommandScope scope, ConsumeContext<ProbationRecordSharedV1> context)
    {
        var session = scope.Session;
        var current = await session.LoadAsync<PartnerProbationRecord>(message.PerpetratorId, context.CancellationToken);
        if (current is not null && current.SharedAt > message.SharedAt)
            return;
        PartnerStore.Keep(session, current, new PartnerProbationRecord(message.PerpetratorId, message.KnownToProbation, message.OrderType,
            message.OrderEnds, message.ResponsibleOfficer, message.MappaCategory, message.ExpectedRelease, message.SharedAt));
        logger.LogInformation("Probation record stored for perpetrator {PerpetratorId}", message.PerpetratorId);
    }
}

/// <summary>
/// Two messages about one perpetrator can be consumed at once: an insert race fails on the
/// document's id and an update race on its version, and the consumer's retry then compares again,
/// so the newest always stands.
/// </summary>
internal static class PartnerStore
{
    public static void Keep<T>(IDocumentSession session, T? current, T next) where T : class
    {
        if (current is null)
            session.Insert(next);
        else
            session.Update(next);
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
