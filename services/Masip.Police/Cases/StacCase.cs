using Masip.ServiceDefaults.Persistence;

namespace Masip.Police.Cases;

/// <summary>A crime report arrived from the force crime system in the overnight import.</summary>
public sealed record CrimeReportImported(
    Guid CaseId,
    CrimeReportDetails Report,
    string Fingerprint,
    Guid? PerpetratorId,
    IReadOnlyList<string> SuspectKnownReasons,
    DateTimeOffset ImportedAt);

/// <summary>A later import carried a changed version of a report: an amendment, with the fields that changed.</summary>
public sealed record CrimeReportAmended(
    Guid CaseId,
    CrimeReportDetails Report,
    string Fingerprint,
    IReadOnlyList<string> ChangedFields,
    DateTimeOffset AmendedAt);

/// <summary>
/// The suspect of a report awaiting review turned out to be known (another report names them,
/// they became a Griffin nominal, an SPO protects someone from them): the queue lifts the report.
/// </summary>
public sealed record SuspectRecognised(Guid CaseId, string Reason, DateTimeOffset RecognisedAt);

/// <summary>An amendment named a suspect for the first time: the report is linked to a perpetrator identity.</summary>
public sealed record SuspectIdentified(Guid CaseId, Guid PerpetratorId, IReadOnlyList<string> SuspectKnownReasons, DateTimeOffset IdentifiedAt);

/// <summary>
/// An officer reclassified the report, with the reason (cases move between harassment, s2A, s4A
/// and breach; 001 L791-795: s4A by default, a justification recorded for s2A).
/// </summary>
public sealed record ReportReclassified(Guid CaseId, Offence Principal, IReadOnlyList<Offence> Included, string Reason, string ReclassifiedBy, DateTimeOffset ReclassifiedAt);

/// <summary>An officer rejected the suggested link between this report's suspect and a perpetrator.</summary>
public sealed record SuspectUnlinked(Guid CaseId, Guid PerpetratorId, string Reason, DateTimeOffset UnlinkedAt);

/// <summary>
/// A STAC case: one crime report from intake to closure (screening, tier, SPO, clocks). The
/// inline snapshot is also the read model the queue, the case view and the statistics query.
/// </summary>
public sealed partial record StacCase
{
    public Guid Id { get; init; }
    public required CrimeReportDetails Report { get; init; }
    public required string Fingerprint { get; init; }
    public CaseStatus Status { get; init; }
    public Guid? PerpetratorId { get; init; }
    public IReadOnlyList<string> SuspectKnownReasons { get; init; } = [];
    public IReadOnlyList<ClassificationEntry> Classifications { get; init; } = [];
    public int Amendments { get; init; }
    public DateTimeOffset ImportedAt { get; init; }
    public DateTimeOffset LastChangedAt { get; init; }

    // Indexed copies (duplicated columns) for the queue, the filters and the statistics.
    public string CrimeReference => Report.CrimeReference;
    public Offence Principal => Report.Principal;
    public DateOnly ReportedOn => Report.ReportedOn;
    public DateOnly OffenceDate => Report.OffenceDate;
    public string Borough => Report.Borough;
    public string? Unit => Report.Unit;
    public bool SuspectKnown => SuspectKnownReasons.Count > 0;

    /// <summary>
    /// The review-queue order as one sortable key, null once reviewed: offence (s4A first), known
    /// suspects first, oldest report first. One indexed column answers the queue with a range scan.
    /// </summary>
    public string? QueueKey => Status == CaseStatus.AwaitingReview
        ? $"{(int)Principal}{(SuspectKnown ? 0 : 1)}{ReportedOn:yyyyMMdd}{CrimeReference}"
        : null;

    /// <summary>One stream per crime reference (as the crime system spells it, case and spaces aside): re-importing finds it.</summary>
    public static Guid IdFor(string crimeReference) => DeterministicId.For("crime-report", crimeReference.Trim().ToUpperInvariant());

    public static StacCase Create(CrimeReportImported e) => new()
    {
        Id = e.CaseId,
        Report = e.Report,
        Fingerprint = e.Fingerprint,
        Status = CaseStatus.AwaitingReview,
        PerpetratorId = e.PerpetratorId,
        SuspectKnownReasons = e.SuspectKnownReasons,
        Classifications = [new ClassificationEntry(e.Report.Principal, e.Report.Included, "crime-system import", e.ImportedAt)],
        ImportedAt = e.ImportedAt,
        LastChangedAt = e.ImportedAt,
        VictimUpdateAnchor = e.ImportedAt,
        ReportVersionAt = e.ImportedAt,
        Restriction = CaseRestriction.OnArrival(e.Report, e.ImportedAt),
        Statements = WithStatement([], e.Report.Stalking, e.ImportedAt),
    };

    public StacCase Apply(CrimeReportAmended e)
    {
        var reclassified = e.Report.Principal != Report.Principal || !e.Report.Included.SequenceEqual(Report.Included);
        var (report, corrections) = Reconcile(e.Report);
        return this with
        {
            Report = report,
            Corrections = corrections,
            Fingerprint = e.Fingerprint,
            Amendments = Amendments + 1,
            Restriction = Restriction ?? CaseRestriction.OnArrival(e.Report, e.AmendedAt),
            Classifications = reclassified
                ? [.. Classifications, new ClassificationEntry(e.Report.Principal, e.Report.Included, "crime-system amendment", e.AmendedAt)]
                : Classifications,
            LastChangedAt = e.AmendedAt,
            StalkingHistory = KeepStalkingVersion(e),
            Statements = WithStatement(Statements, e.Report.Stalking, e.AmendedAt),
            ReportVersionAt = e.AmendedAt,
        };
    }

    public StacCase Apply(ReportReclassified e) => this with
    {
        Report = Report with { Principal = e.Principal, Included = e.Included },
        Classifications = [.. Classifications, new ClassificationEntry(e.Principal, e.Included, e.ReclassifiedBy, e.ReclassifiedAt, e.Reason)],
        LastChangedAt = e.ReclassifiedAt,
    };

    public StacCase Apply(SuspectIdentified e) => this with
    {
        PerpetratorId = e.PerpetratorId,
        SuspectKnownReasons = [.. SuspectKnownReasons.Union(e.SuspectKnownReasons)],
        LastChangedAt = e.IdentifiedAt,
    };

    public StacCase Apply(SuspectUnlinked e) => this with
    {
        PerpetratorId = PerpetratorId == e.PerpetratorId ? null : PerpetratorId,
        SuspectKnownReasons = [],
        LastChangedAt = e.UnlinkedAt,
    };

    public StacCase Apply(SuspectRecognised e) => this with
    {
        SuspectKnownReasons = SuspectKnownReasons.Contains(e.Reason) ? SuspectKnownReasons : [.. SuspectKnownReasons, e.Reason],
        LastChangedAt = e.RecognisedAt,
    };
}
