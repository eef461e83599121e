using JasperFx.Events.Projections;
using Marten;
using Masip.Contracts.Messages;
using Masip.Police.Clocks;
using Masip.Police.Intake.ImportingCrimeReports;
using Masip.Police.Reviews.MeetingDecisions;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Police.Cases;

/// <summary>STAC cases: the crime report stream from intake to closure, its read model and its messages.</summary>
public static class CasesModule
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddOptions<ClockOptions>().BindConfiguration("Masip:Police");
        services.ConfigureMarten(store =>
        {
            // Inline on every command; the options below apply only when the daemon rebuilds it
            // from the events (issue 15.6): pages of 10,000 events, the cases held in memory and
            // written once each per 20,000 dirty cases (not one upsert per case per page), and,
            // the table being truncated first, written by binary COPY instead of row by row.
            store.Projections.Snapshot<StacCase>(SnapshotLifecycle.Inline, rebuild =>
            {
                rebuild.BatchSize = 10_000;
                rebuild.RebuildFlushThreshold = 20_000;
            });
            store.Projections.RebuildWithBulkCopy = true;
            // Indexed columns: the queue is one range scan on QueueKey; filters and statistics use the rest.
            store.Schema.For<StacCase>()
                .Duplicate(c => c.QueueKey!)
                .Duplicate(c => c.CrimeReference)
                .Duplicate(c => c.Principal)
                .Duplicate(c => c.ReportedOn)
                .Duplicate(c => c.OffenceDate)
                .Duplicate(c => c.Borough)
                .Duplicate(c => c.Unit!)
                .Duplicate(c => c.Status)
                .Duplicate(c => c.PerpetratorId!)
                // A flag's index holds only the flagged cases (a partial index): the import maintains one
                // entry per flagged case, not per case, and the flagged queue reads only those.
                .Duplicate(c => c.Report.Flags.DomesticAbuse, configure: FlaggedOnly("report_flags_domestic_abuse"))
                .Duplicate(c => c.Report.Flags.OnlineElement, configure: FlaggedOnly("report_flags_online_element"))
                .Duplicate(c => c.Report.Flags.ChildrenInvolved, configure: FlaggedOnly("report_flags_children_involved"))
                .Duplicate(c => c.Report.Flags.PolicePerpetrated, configure: FlaggedOnly("report_flags_police_perpetrated"))
                // The clock list (Clocks/ClockList.cs): each clock is a range on its column.
                .Duplicate(c => c.InterimSpoDueAt!)
                .Duplicate(c => c.FullSpoDueAt!)
                .Duplicate(c => c.VictimUpdateAnchor)
                .Duplicate(c => c.VictimUpdateCadenceDays!)
                .Duplicate(c => c.VictimPersonKey!)
                .Duplicate(c => c.SuspectPersonKey!)
                // A queue filtered by offence or borough is a range of (filter, queue key) with a limit,
                // not a walk along the whole queue testing each row (issue 15.3).
                .Index([c => c.Principal, c => c.QueueKey!])
                .Index([c => c.Borough, c => c.QueueKey!]);
            store.Schema.For<MeetingTierPosition>().UseOptimisticConcurrency(true);
        });
        services.AddScoped<ImportCrimeReportsHandler>();

        services.PublishIntegrationEvent<CaseTiered>(e => new CaseTieredV1(
            e.CaseId, e.CrimeReference, e.PerpetratorId, Offences.Name(e.Offence), e.Tier, e.RiskLevel, e.Reason, e.TieredAt, e.OffenceDate));
        services.PublishIntegrationEvent<VictimNotificationRaised>(e => new CaseEventForVictimV1(
            e.CaseId, e.CrimeReference, e.Kind, e.Summary, e.RaisedAt));
        return services;
    }

    /// <summary>A flag's index: the flagged cases only (a partial index).</summary>
    private static Action<Marten.Schema.DocumentIndex> FlaggedOnly(string column) => index => index.Predicate = $"{column} = true";
}
