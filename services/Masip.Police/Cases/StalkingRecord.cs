using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Cases;

/// <summary>
/// What a stalking record carries beyond the offence and the flags: the fields the reports say
/// forces cannot count today (DOMAIN.md "Fields a stalking record carries", from the coded cases in
/// 002 and the HMICFRS review in 003). Every value is optional on import: "not-known" is a value,
/// absent means the crime system did not send it.
/// </summary>
public sealed record StalkingRecord(
    IReadOnlyList<string> Behaviours,
    string? Location,
    string? Duration,
    string? EscalationVictim,
    string? EscalationOfficer,
    bool Ongoing,
    IReadOnlyList<string> LinkedReports,
    bool SharedChildren,
    VictimProfile Victim,
    string? Impact,
    StatementText? VictimPersonalStatement,
    int Incidents,
    bool FearOfViolence,
    bool SeriousAlarmOrDistress)
{
    public static readonly StalkingRecord Empty = new([], null, null, null, null, false, [], false,
        new VictimProfile(null, null, null, [], false), null, null, 0, false, false);

    /// <summary>
    /// Two or more incidents are a course of conduct; with fear of violence or serious alarm or
    /// distress the report is investigated as s4A by default (001 L791-795).
    /// </summary>
    public bool SupportsS4A => Incidents >= 2 && (FearOfViolence || SeriousAlarmOrDistress);
}

/// <summary>The victim as the record describes them: sex, age band, self-defined ethnicity (or "declined"), vulnerabilities, repeat victim (37% of coded cases).</summary>
public sealed record VictimProfile(string? Sex, string? AgeBand, string? Ethnicity, IReadOnlyList<string> Vulnerabilities, bool RepeatVictim);

/// <summary>A victim personal statement as given: versioned on the case, because statements go stale.</summary>
public sealed record StatementText(string Text, DateOnly? MadeOn);

/// <summary>One earlier version of the stalking record, kept when an amendment replaced it.</summary>
public sealed record StalkingRecordVersion(int Version, StalkingRecord Record, DateTimeOffset RecordedAt, DateTimeOffset ReplacedAt, IReadOnlyList<string> ChangedFields);

/// <summary>One version of the victim personal statement.</summary>
public sealed record StatementVersion(int Version, StatementText Statement, DateTimeOffset RecordedAt);

/// <summary>The values each field of the stalking record may take, as the contracts spell them.</summary>
public static class StalkingRecords
{
    /// <summary>How an amendment names a changed field of the stalking record ("stalking.behaviours").</summary>
    public const string FieldPrefix = "stalking.";

    /// <summary>Absent, or one of the allowed values ("not-known" is a value: it says someone asked).</summary>
    public static string? Optional(string? value, string field, IReadOnlyDictionary<string, string> allowed) =>
        string.IsNullOrWhiteSpace(value) ? null : Require.OneOf(value, field, allowed);

    private static IReadOnlyDictionary<string, string> Set(params string[] values) => values.ToDictionary(v => v, v => v);

    // Behaviours in the coded cases (002), most frequent first; abuse of process belongs to the course of conduct (DOMAIN.md).
    public static readonly IReadOnlyDictionary<string, string> Behaviours = Set(
        "phone-text", "surveillance", "face-to-face", "third-party", "online-cyber", "threats-of-harm", "threats-of-self-harm",
        "love-bombing", "property-damage", "forced-entry", "sexual-threats", "property-threats", "weapons", "assault",
        "abuse-of-process", "other");

    public static readonly IReadOnlyDictionary<string, string> Locations = Set("home", "work-school", "public", "online-only", "not-known");

    public static readonly IReadOnlyDictionary<string, string> Durations = Set(
        "under-2-weeks", "2-weeks-to-3-months", "3-to-6-months", "6-to-12-months", "1-to-2-years", "2-to-5-years", "over-5-years", "not-known");

    // The victim and the officer disagreed on escalation in 53 coded cases: two fields on one scale.
    public static readonly IReadOnlyDictionary<string, string> Escalations = Set("escalating", "stable", "de-escalating", "not-known");

    public static readonly IReadOnlyDictionary<string, string> Sexes = Set("female", "male", "other", "not-stated");

    public static readonly IReadOnlyDictionary<string, string> AgeBands = Set("under-18", "18-24", "25-34", "35-44", "45-54", "55-64", "65-plus", "not-known");
}

public sealed partial record StacCase
{
    /// <summary>Earlier versions of the stalking record, oldest first (the current one is Report.Stalking).</summary>
    public IReadOnlyList<StalkingRecordVersion> StalkingHistory { get; init; } = [];

    public IReadOnlyList<StatementVersion> Statements { get; init; } = [];

    /// <summary>When the current version of the report was recorded (the import, or the last amendment).</summary>
    public DateTimeOffset ReportVersionAt { get; init; }

    public StalkingRecord Stalking => Report.Stalking ?? StalkingRecord.Empty;

    /// <summary>Not s4A, yet the record supports s4A (two or more incidents with fear or alarm): proposed to the reviewer.</summary>
    public bool S4aProposed => Principal != Offence.S4A && Stalking.SupportsS4A;

    /// <summary>An amendment that changed the stalking record keeps the version it replaced (amendments are history, not overwrites).</summary>
    private IReadOnlyList<StalkingRecordVersion> KeepStalkingVersion(CrimeReportAmended e)
    {
        var changed = e.ChangedFields.Where(f => f.StartsWith(StalkingRecords.FieldPrefix, StringComparison.Ordinal))
            .Select(f => f[StalkingRecords.FieldPrefix.Length..]).ToList();
        return Report.Stalking is { } before && changed.Count > 0
            ? [.. StalkingHistory, new StalkingRecordVersion(StalkingHistory.Count + 1, before,
                ReportVersionAt == default ? ImportedAt : ReportVersionAt, e.AmendedAt, changed)]
            : StalkingHistory;
    }

    private static IReadOnlyList<StatementVersion> WithStatement(IReadOnlyList<StatementVersion> versions, StalkingRecord? record, DateTimeOffset at) =>
        record?.VictimPersonalStatement is { } statement && (versions.Count == 0 || versions[^1].Statement != statement)
            ? [.. versions, new StatementVersion(versions.Count + 1, statement, at)]
            : versions;
}
