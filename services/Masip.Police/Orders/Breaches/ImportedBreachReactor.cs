using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Masip.Police.Cases;
using Masip.Police.Intake.ImportingCrimeReports;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Orders.Breaches;

/// <summary>
/// Follows the police's own report events (imported, amended, a suspect identified later,
/// reclassified) and gives each report that may be a breach to <see cref="ImportedBreaches"/>,
/// each in a command of its own through the pipeline, as the service. Run by the async daemon
/// (one replica at a time); a page replayed after a crash decides nothing new: a report is
/// handled once (its own stream) and a breach recorded once (its id).
/// </summary>
public sealed class ImportedBreachReactor : SubscriptionBase
{
    public const string ReactorName = "imported-breaches";

    private readonly IServiceProvider _services;

    public ImportedBreachReactor(IServiceProvider services)
    {
        _services = services;
        Name = ReactorName;
        IncludeType<CrimeReportImported>();
        IncludeType<CrimeReportAmended>();
        IncludeType<SuspectIdentified>();
        IncludeType<ReportReclassified>();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var pipeline = _services.GetRequiredService<CommandPipeline>();
        var actor = Actor.Service(_services.GetRequiredService<ServiceIdentity>().Name, ReactorName);
        var logger = _services.GetRequiredService<ILogger<ImportedBreachReactor>>();
        foreach (var caseId in page.Events.Where(e => MayBeABreachReport(e.Data)).Select(e => e.StreamId).Distinct())
        {
            try
            {
                await pipeline.Run(actor, scope => ImportedBreaches.Attach(scope, caseId), cancellationToken);
            }
            catch (DomainException ex)
            {
                // A report whose breach cannot be recorded (a date outside the order) waits for the officer, not the daemon.
                logger.LogWarning("Imported breach on case {CaseId} not attached: {Error}", caseId, ex.Message);
            }
        }
        return NullChangeListener.Instance;
    }

    /// <summary>
    /// Whether the event can have made its report a breach naming an order's subject: most of a
    /// night's reports cannot, and cost no command. The command decides on the report's whole state.
    /// </summary>
    public static bool MayBeABreachReport(object data) => data switch
    {
        CrimeReportImported e => e.SuspectKnownReasons.Contains(ImportCrimeReportsHandler.ExistingSpo) && IsBreach(e.Report.Principal, e.Report.Included),
        CrimeReportAmended e => IsBreach(e.Report.Principal, e.Report.Included),
        ReportReclassified e => IsBreach(e.Principal, e.Included),
        SuspectIdentified e => e.SuspectKnownReasons.Contains(ImportCrimeReportsHandler.ExistingSpo),
        _ => false,
    };

    private static bool IsBreach(Offence principal, IReadOnlyList<Offence> included) => principal == Offence.Breach || included.Contains(Offence.Breach);
}
