using JasperFx.Events.Projections;
using Marten;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Nhs.Assessments;

/// <summary>SRP assessments: the clinical record stays here; only the risk summary is published.</summary>
public static class AssessmentsModule
{
    public static IServiceCollection AddNhsAssessments(this IServiceCollection services)
    {
        services.ConfigureMarten(store =>
        {
            store.Projections.Snapshot<Assessment>(SnapshotLifecycle.Inline);
            store.Schema.For<Assessment>().Index(a => a.ReferralId);
        });
        // Levels and the clinician's summary only: never rationale, formulation or Mullen type. A
        // reassessment publishes its summary too: partners keep the newest (by the relay's sequence).
        services.PublishIntegrationEvent<AssessmentCompleted>(e => new RiskSummaryUpdatedV1(
            e.PerpetratorId, e.ReferralId, e.RiskOfViolence.Level, e.Persistence.Level, e.Recurrence.Level,
            e.PsychologicalDamage.Level, e.RiskSummary, e.CompletedAt));
        return services;
    }
}
