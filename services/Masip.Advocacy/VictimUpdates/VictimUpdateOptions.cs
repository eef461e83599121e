namespace Masip.Advocacy.VictimUpdates;

/// <summary>
/// Configuration section "Advocacy:VictimUpdates". Victims' Code: victims of stalking (enhanced
/// rights) are told of a charge, NFA or order decision within one working day; other events
/// within the working days given here.
/// </summary>
public sealed class VictimUpdateOptions
{
    public const string Section = "Advocacy:VictimUpdates";

    /// <summary>Working days allowed per police case event kind.</summary>
    public Dictionary<string, int> WorkingDaysByKind { get; set; } = new()
    {
        ["charge"] = 1,
        ["nfa"] = 1,
        ["spo-granted"] = 1,
        ["spo-breached"] = 1,
        ["bail"] = 1,
        ["court-date"] = 5,
    };

    /// <summary>For kinds not listed above.</summary>
    public int DefaultWorkingDays { get; set; } = 5;

    /// <summary>When set, every task is due this long after the event (tests, drills), ignoring working days.</summary>
    public TimeSpan? DueAfter { get; set; }

    /// <summary>How often the overdue check scans open tasks.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many due tasks the overdue check reads at a time; it pages on until it has seen every one.</summary>
    public int ScanPageSize { get; set; } = 500;
}
