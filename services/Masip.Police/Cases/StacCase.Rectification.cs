using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Masip.ServiceDefaults.DataProtection;

namespace Masip.Police.Cases;

/// <summary>
/// The personal-data fields of a case a data-protection officer may correct (UK GDPR Art. 16; DPA
/// 2018 s46): the victim's name and contact details, the suspect's name and date of birth. A
/// correction is a RecordRectified event that supersedes the field from then on; the crime
/// report's import history stays as it came.
/// </summary>
public static class CaseRectification
{
    public const string Record = "case";

    public static readonly RectifiableField<StacCase>[] Fields =
    [
        new("victim.name", c => ValueOf(c.Report, "victim.name"), Rectification.Line(200)),
        new("victim.phone", c => ValueOf(c.Report, "victim.phone"), Rectification.Line(40)),
        new("victim.email", c => ValueOf(c.Report, "victim.email"), Rectification.Line(254)),
        new("victim.address", c => ValueOf(c.Report, "victim.address"), Rectification.Line(400)),
        new("suspect.name", c => ValueOf(c.Report, "suspect.name"), Rectification.Line(200)),
        new("suspect.dateOfBirth", c => ValueOf(c.Report, "suspect.dateOfBirth"), Rectification.DateOfBirth()),
    ];

    /// <summary>The victim's details a referral to advocacy carries (VictimReferredToAdvocacyV1): their corrections go there too.</summary>
    public static readonly IReadOnlySet<string> SentToAdvocacy = new HashSet<string> { "victim.name", "victim.phone", "victim.email" };

    /// <summary>The suspect's details a referral to the NHS carries (PerpetratorReferredToNhsV1): their corrections go there too.</summary>
    public static readonly IReadOnlySet<string> SentToNhs = new HashSet<string> { "suspect.name", "suspect.dateOfBirth" };

    /// <summary>A rectifiable field's value in a report, as RectifyRecord spells it (a date as yyyy-MM-dd).</summary>
    public static string? ValueOf(CrimeReportDetails report, string field) => field switch
    {
        "victim.name" => report.Victim.Name,
        "victim.phone" => report.Victim.Phone,
        "victim.email" => report.Victim.Email,
        "victim.address" => report.Victim.Address,
        "suspect.name" => report.Suspect?.Name,
        "suspect.dateOfBirth" => report.Suspect?.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>A report with one rectifiable field set (a suspect named for the first time by a correction of the name).</summary>
    public static CrimeReportDetails With(CrimeReportDetails report, string field, string? value) => field switch
    {
        "victim.name" => report with { Victim = report.Victim with { Name = value ?? report.Victim.Name } },
        "victim.phone" => report with { Victim = report.Victim with { Phone = value } },
        "victim.email" => report with { Victim = report.Victim with { Email = value } },
        "victim.address" => report with { Victim = report.Victim with { Address = value } },
        "suspect.name" => value is null
            ? report with { Suspect = null }
            : report with { Suspect = (report.Suspect ?? new Suspect(value, null, null, null)) with { Name = value } },
        "suspect.dateOfBirth" => report with
        {
            Suspect = report.Suspect is { } s
                ? s with { DateOfBirth = value is null ? null : DateOnly.Parse(value, CultureInfo.InvariantCulture) }
                : null,
        },
        _ => report,
    };

    /// <summary>
    /// What the crime system's field held when the field was corrected, kept as a digest (salted with
    /// the case and field) rather than the value: the case holds no second copy of the wrong value,
    /// yet knows whether a re-import still carries it.
    /// </summary>
    public static string Digest(Guid caseId, string field, string? value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{caseId:N}|{field}|{(value is null ? "\u0000" : value)}")));
}

/// <summary>
/// A field of the case a data-protection officer corrected: <paramref name="ReportedDigest"/> is the
/// digest of the crime system's value at the time (CaseRectification.Digest), so that a re-import
/// still carrying that value keeps the correction.
/// </summary>
public sealed record CaseCorrection(string Field, string ReportedDigest, DateTimeOffset RectifiedAt, long Version);

public sealed partial record StacCase
{
    /// <summary>The fields whose corrected value the case keeps over what the crime system sent (one entry per field).</summary>
    public IReadOnlyList<CaseCorrection> Corrections { get; init; } = [];

    public StacCase Apply(RecordRectified e)
    {
        // A field corrected again keeps the crime system's value of the first correction: that is what a re-import is compared with.
        var reported = Corrections.FirstOrDefault(c => c.Field == e.Field)?.ReportedDigest ?? CaseRectification.Digest(Id, e.Field, e.OldValue);
        return this with
        {
            Report = CaseRectification.With(Report, e.Field, e.NewValue),
            Corrections = [.. Corrections.Where(c => c.Field != e.Field), new CaseCorrection(e.Field, reported, e.RectifiedAt, e.Version)],
            LastChangedAt = e.RectifiedAt,
        };
    }

    /// <summary>
    /// A report from the crime system as the case shows it (UK GDPR Art. 16: a correction is not
    /// undone by the source sending the old value again). A corrected field keeps its corrected value
    /// while the crime system still sends the value it held when the field was corrected; once it
    /// sends another value (the correction made there, or a newer fact: the newest source wins), the
    /// field takes the crime system's value and is no longer marked corrected. The import's event
    /// keeps the report as it came.
    /// </summary>
    public (CrimeReportDetails Report, IReadOnlyList<CaseCorrection> Kept) Reconcile(CrimeReportDetails incoming)
    {
        var report = incoming;
        var kept = new List<CaseCorrection>();
        // In the order of the fields (a suspect's name before their date of birth: a correction may name the suspect).
        foreach (var correction in Corrections.OrderBy(c => Array.FindIndex(CaseRectification.Fields, f => f.Name == c.Field)))
        {
            if (CaseRectification.Digest(Id, correction.Field, CaseRectification.ValueOf(incoming, correction.Field)) != correction.ReportedDigest)
                continue;
            report = CaseRectification.With(report, correction.Field, CaseRectification.ValueOf(Report, correction.Field));
            kept.Add(correction);
        }
        return (report, kept);
    }
}
