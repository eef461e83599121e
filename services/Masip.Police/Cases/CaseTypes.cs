using System.Text.Json.Serialization;

namespace Masip.Police.Cases;

/// <summary>
/// The offences STAC screens, in the order the morning review takes them (DOMAIN.md "The
/// morning": s4A first, then s2A, breaches of orders, harassment, malicious communications).
/// </summary>
public enum Offence
{
    S4A = 0,
    S2A = 1,
    Breach = 2,
    Harassment = 3,
    MaliciousCommunications = 4,
}

public static class Offences
{
    public static readonly IReadOnlyDictionary<string, Offence> ByWireName = new Dictionary<string, Offence>
    {
        ["s4a"] = Offence.S4A,
        ["s2a"] = Offence.S2A,
        ["breach"] = Offence.Breach,
        ["harassment"] = Offence.Harassment,
        ["malicious-communications"] = Offence.MaliciousCommunications,
    };

    /// <summary>As the contracts spell it (CaseTieredV1.Offence): s4A | s2A | breach | harassment | malicious-communications.</summary>
    public static string Name(Offence offence) => offence switch
    {
        Offence.S4A => "s4A",
        Offence.S2A => "s2A",
        Offence.Breach => "breach",
        Offence.Harassment => "harassment",
        Offence.MaliciousCommunications => "malicious-communications",
        _ => throw new ArgumentOutOfRangeException(nameof(offence)),
    };
}

public enum CaseStatus
{
    AwaitingReview = 0,
    Reviewed = 1,
    Closed = 2,
}

public static class CaseStatuses
{
    public static string Name(CaseStatus status) => status switch
    {
        CaseStatus.AwaitingReview => "awaiting-review",
        CaseStatus.Reviewed => "reviewed",
        CaseStatus.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}

/// <summary>Relationship of suspect to victim: required on every report, with "not-known" (recorded in only 9% of coded cases).</summary>
public static class Relationships
{
    public static readonly IReadOnlyDictionary<string, string> Allowed = new[]
    {
        "ex-partner", "current-partner", "parent", "child", "other-family", "colleague-peer",
        "known-acquaintance", "known-online-acquaintance", "stranger", "other", "not-known",
    }.ToDictionary(v => v, v => v);
}

public static class RiskLevels
{
    public static readonly IReadOnlyDictionary<string, string> Allowed = new[] { "standard", "medium", "high" }.ToDictionary(v => v, v => v);
}

public sealed record CaseFlags(bool DomesticAbuse, bool OnlineElement, bool ChildrenInvolved, bool PolicePerpetrated);

public sealed record Suspect(string Name, DateOnly? DateOfBirth, string? PncId, string? Address);

public sealed record Victim(string Name, string? Phone, string? Email, string? Address,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? DateOfBirth = null);

/// <summary>
/// A crime report as the force crime system sends it (one line of the overnight file). Stalking is
/// absent (and left out of the fingerprint) when the line carries none of its fields, so a report
/// imported before the full record existed is unchanged by the same line again.
/// </summary>
public sealed record CrimeReportDetails(
    string CrimeReference,
    DateOnly ReportedOn,
    DateOnly OffenceDate,
    Offence Principal,
    IReadOnlyList<Offence> Included,
    CaseFlags Flags,
    Suspect? Suspect,
    Victim Victim,
    string Relationship,
    string Summary,
    string OfficerInCase,
    string Borough,
    string? Unit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StalkingRecord? Stalking = null);

/// <summary>One classification of the crime, kept with who changed it and why (cases move between offences).</summary>
public sealed record ClassificationEntry(Offence Principal, IReadOnlyList<Offence> Included, string Source, DateTimeOffset RecordedAt, string? Reason = null);
