using JasperFx.Events.Projections;
using Marten;
using Masip.Contracts.Messages;
using Masip.Nhs.Assessments.CompletingAssessments;
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
        services.AddScoped<CompleteAssessmentHandler>();
        // Levels and the clinician's summary only: never rationale, formulation or Mullen type.
        services.PublishIntegrationEvent<AssessmentCompleted>(e => new RiskSummaryUpdatedV1(
            e.PerpetratorId, e.ReferralId, e.RiskOfViolence.Level, e.Persistence.Level, e.Recurrence.Level,
            e.PsychologicalDamage.Level, e.RiskSummary, e.CompletedAt));
        return services;
    }
}
