using JasperFx.Events.Projections;
using Marten;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Probation.Psr;

/// <summary>PSR consultations: stream, read model, and the PSR-due message.</summary>
public static class PsrModule
{
    public static IServiceCollection AddPsrConsultations(this IServiceCollection services)
    {
        services.ConfigureMarten(store =>
        {
            store.Projections.Snapshot<PsrConsultation>(SnapshotLifecycle.Inline);
            store.Schema.For<PsrConsultation>()
                .Index(c => c.Status)
                // The list and the due scan order and page by due date, then id.
                .Duplicate(c => c.DueDate);
        });
        services.PublishIntegrationEvent<PsrDueAlertRaised>(e => new PsrDueV1(e.ConsultationId, e.PerpetratorId, e.Court, e.DueDate, e.RaisedAt));
        return services;
    }
}
