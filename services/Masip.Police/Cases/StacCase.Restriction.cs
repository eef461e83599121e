namespace Masip.Police.Cases;

/// <summary>A supervisor restricted the case to named officers (police-perpetrated cases, and others a supervisor restricts).</summary>
public sealed record CaseRestricted(Guid CaseId, IReadOnlyList<string> AccessList, string Reason, string RestrictedBy, DateTimeOffset RestrictedAt);

public sealed record CaseRestriction(IReadOnlyList<string> AccessList, string Reason, string RestrictedBy, DateTimeOffset RestrictedAt)
{
    /// <summary>The restricting supervisor and the named officers; nobody else.</summary>
    public bool Allows(string subject) => subject == RestrictedBy || AccessList.Contains(subject);

    /// <summary>
    /// Who is alerted about a police-perpetrated case restricted when it arrived, until a supervisor
    /// names the officers (RestrictCase): the force's professional standards department.
    /// </summary>
    public const string ProfessionalStandards = "professional-standards";

    /// <summary>A report whose suspect is a police employee is restricted from the moment it arrives (import or amendment).</summary>
    public static CaseRestriction? OnArrival(CrimeReportDetails report, DateTimeOffset at) => report.Flags.PolicePerpetrated
        ? new CaseRestriction([], "police-perpetrated: restricted on arrival from the crime system", ProfessionalStandards, at)
        : null;
}

public sealed partial record StacCase
{
    public CaseRestriction? Restriction { get; init; }

    public StacCase Apply(CaseRestricted e) => this with
    {
        Restriction = new CaseRestriction(e.AccessList, e.Reason, e.RestrictedBy, e.RestrictedAt),
        LastChangedAt = e.RestrictedAt,
    };
}
