using Masip.Police.Cases;
using Masip.ServiceDefaults.Matching;
using Masip.ServiceDefaults.Persistence;

namespace Masip.Police.Perpetrators;

/// <summary>A suspect named in a crime report for the first time: a perpetrator identity of its own.</summary>
public sealed record PerpetratorIdentified(
    Guid PerpetratorId, Guid FirstCaseId, string FirstCrimeReference, string Name, DateOnly? DateOfBirth,
    string? PncId, string? NameKey, DateTimeOffset IdentifiedAt);

/// <summary>
/// A later report names a suspect who matches this perpetrator: by PNC id (score 1.0) or by
/// normalised name and date of birth (0.8). A suggestion until an officer confirms or rejects it.
/// </summary>
public sealed record ReportLinkedToPerpetrator(Guid PerpetratorId, Guid CaseId, string CrimeReference, double Score, string Reason, DateTimeOffset LinkedAt);

public sealed record PerpetratorLinkConfirmed(Guid PerpetratorId, Guid CaseId, string ConfirmedBy, DateTimeOffset ConfirmedAt);

public sealed record PerpetratorLinkRejected(Guid PerpetratorId, Guid CaseId, string RejectedBy, string Reason, DateTimeOffset RejectedAt);

/// <summary>An order (SPO) came into force against the perpetrator on one of their cases.</summary>
public sealed record PerpetratorOrderInForce(Guid PerpetratorId, Guid CaseId, string Kind, DateTimeOffset RecordedAt);

/// <summary>
/// The suspect's name or date of birth corrected by the data-protection officer on the case this
/// identity was first reported in (RecordRectified there, issue 19): the identity takes it in the same
/// transaction, so what later referrals carry and what later reports are matched by is the corrected value.
/// </summary>
public sealed record PerpetratorDetailsCorrected(
    Guid PerpetratorId, Guid CaseId, string Field, string? OldValue, string NewValue, string CorrectedBy, DateTimeOffset CorrectedAt,
    long CaseVersion) : Masip.ServiceDefaults.DataProtection.IDataProtectionAction;

public sealed record PerpetratorLink(Guid CaseId, string CrimeReference, double Score, string Reason, string Status, DateTimeOffset LinkedAt);

/// <summary>A perpetrator identity and the reports linked to it (inline snapshot and read model).</summary>
public sealed record Perpetrator
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? PncId { get; init; }
    public string? NameKey { get; init; }
    public IReadOnlyList<PerpetratorLink> Links { get; init; } = [];
    public IReadOnlyList<Guid> OrderCases { get; init; } = [];

    public IEnumerable<PerpetratorLink> LiveLinks => Links.Where(l => l.Status != "rejected");

    public static Perpetrator Create(PerpetratorIdentified e) => new()
    {
        Id = e.PerpetratorId,
        Name = e.Name,
        DateOfBirth = e.DateOfBirth,
        PncId = e.PncId,
        // Today's name key, not the one the event recorded: rebuilding the snapshot brings perpetrators
        // identified under an older key (accents kept, before NameKey) onto the key new reports match by.
        NameKey = SuspectKeys.NameAndBirth(e.Name, e.DateOfBirth),
        Links = [new PerpetratorLink(e.FirstCaseId, e.FirstCrimeReference, 1.0, "first report naming this suspect", "origin", e.IdentifiedAt)],
    };

    public Perpetrator Apply(ReportLinkedToPerpetrator e) => this with
    {
        Links = [.. Links.Where(l => l.CaseId != e.CaseId), new PerpetratorLink(e.CaseId, e.CrimeReference, e.Score, e.Reason, "suggested", e.LinkedAt)],
    };

    public Perpetrator Apply(PerpetratorLinkConfirmed e) => WithStatus(e.CaseId, "confirmed");

    public Perpetrator Apply(PerpetratorLinkRejected e) => WithStatus(e.CaseId, "rejected");

    public Perpetrator Apply(PerpetratorDetailsCorrected e) => e.Field switch
    {
        "suspect.name" => this with { Name = e.NewValue, NameKey = SuspectKeys.NameAndBirth(e.NewValue, DateOfBirth) },
        "suspect.dateOfBirth" when DateOnly.TryParse(e.NewValue, System.Globalization.CultureInfo.InvariantCulture, out var born) =>
            this with { DateOfBirth = born, NameKey = SuspectKeys.NameAndBirth(Name, born) },
        _ => this,
    };

    /// <summary>The case this identity was first reported in (its origin link).</summary>
    public Guid? OriginCaseId => Links.FirstOrDefault(l => l.Status == "origin")?.CaseId;

    /// <summary>The identity's value of a case's suspect field, as the case would show it.</summary>
    public string? ValueOf(string field) => field switch
    {
        "suspect.name" => Name,
        "suspect.dateOfBirth" => DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    public Perpetrator Apply(PerpetratorOrderInForce e) => this with
    {
        OrderCases = OrderCases.Contains(e.CaseId) ? OrderCases : [.. OrderCases, e.CaseId],
    };

    private Perpetrator WithStatus(Guid caseId, string status) => this with
    {
        Links = [.. Links.Select(l => l.CaseId == caseId ? l with { Status = status } : l)],
    };
}

/// <summary>
/// Deterministic suspect matching: PNC id when present, otherwise normalised name and date of
/// birth. No fuzzy matching: an officer confirms or rejects every suggested link.
/// </summary>
public static class SuspectKeys
{
    public const double PncScore = 1.0;
    public const double NameAndBirthScore = 0.8;

    public static string? Pnc(string? pncId) =>
        string.IsNullOrWhiteSpace(pncId) ? null : new string([.. pncId.Where(c => !char.IsWhiteSpace(c))]).ToUpperInvariant();

    /// <summary>"mary ann jones|1990-01-01": the platform's name key (NameKey: case, spacing, punctuation, accents, transliterations) and the date of birth; null without one.</summary>
    public static string? NameAndBirth(string name, DateOnly? dateOfBirth) =>
        dateOfBirth is null || NameKey.For(name) is not { Length: > 0 } key ? null : $"{key}|{dateOfBirth:yyyy-MM-dd}";

    public static Guid IdFor(Suspect suspect, string crimeReference) =>
        DeterministicId.For("perpetrator", Pnc(suspect.PncId) is { } pnc ? "pnc:" + pnc
            : NameAndBirth(suspect.Name, suspect.DateOfBirth) is { } key ? "name:" + key
            : "report:" + crimeReference.ToUpperInvariant());
}

public static class SuspectMatching
{
    /// <summary>
    /// Finds the perpetrator a suspect matches among <paramref name="candidates"/>: the same PNC id;
    /// else the same normalised name and date of birth, unless both carry different PNC ids.
    /// </summary>
    public static (Perpetrator Perpetrator, double Score, string Reason)? Match(Suspect suspect, IEnumerable<Perpetrator> candidates)
    {
        var pnc = SuspectKeys.Pnc(suspect.PncId);
        var list = candidates as IReadOnlyCollection<Perpetrator> ?? [.. candidates];
        if (pnc is not null && list.FirstOrDefault(p => p.PncId == pnc) is { } byPnc)
            return (byPnc, SuspectKeys.PncScore, "same PNC id");
        var key = SuspectKeys.NameAndBirth(suspect.Name, suspect.DateOfBirth);
        if (key is not null && list.FirstOrDefault(p => p.NameKey == key && (p.PncId is null || pnc is null)) is { } byName)
            return (byName, SuspectKeys.NameAndBirthScore, "same normalised name and date of birth");
        return null;
    }
}
