namespace Masip.Meetings.Agenda;

/// <summary>One value an agency contributes to an item, with the data class it carries.</summary>
public sealed record ItemField(string Agency, string Name, string DataClass, string Value);

/// <summary>A link to the record an item came from ("case", id, "CaseTieredV1").</summary>
public sealed record SourceRef(string Kind, string Id, string Message);

/// <summary>
/// One agenda item. ItemClass is the class of the item's very existence: a Griffin alert says
/// that someone is a nominal, so its existence is griffin.restricted; other items are case.summary.
/// VictimConsent marks an item built from the victim's voice shared with consent; SourceSequence
/// is where its message stood in the publisher's event store (a later withdrawal withholds it).
/// </summary>
public sealed record AgendaItem(
    string ItemId,
    string Type,
    string Risk,
    string Reason,
    DateTimeOffset OccurredAt,
    int AgeDays,
    string? CrimeReference,
    Guid? CaseId,
    Guid? PerpetratorId,
    Guid? ReferralId,
    string ItemClass,
    bool VictimConsent,
    IReadOnlyList<SourceRef> Sources,
    IReadOnlyList<ItemField> Fields,
    long? SourceSequence = null);

/// <summary>The item types, in agenda order within one risk level.</summary>
public static class ItemTypes
{
    public const string GriffinAlert = "griffin-alert";
    public const string ClockDue = "clock-due";
    public const string Spo = "spo";
    public const string NewlyTiered = "newly-tiered";
    public const string ReleaseDue = "release-due";
    public const string S2ALimitNear = "s2a-limit-near";
    public const string ActionOverdue = "action-overdue";
    public const string RiskSummary = "risk-summary";
    public const string ReferralNotAccepted = "referral-not-accepted";
    public const string ReferralAwaitingDecision = "referral-awaiting-decision";
    public const string PsrDue = "psr-due";
    public const string VictimUpdateOverdue = "victim-update-overdue";
    public const string VictimVoice = "victim-voice";
    public const string Mappa = "mappa";
    public const string ProbationRecord = "probation-record";
    public const string CaseEvent = "case-event";
    public const string Intervention = "intervention";

    public static readonly string[] Order =
    [
        GriffinAlert, ClockDue, Spo, NewlyTiered, ReleaseDue, S2ALimitNear, ActionOverdue, RiskSummary,
        ReferralNotAccepted, ReferralAwaitingDecision, PsrDue, VictimUpdateOverdue, VictimVoice, Mappa, ProbationRecord, CaseEvent, Intervention,
    ];

    public static int Rank(string type) => Array.IndexOf(Order, type) is var i and >= 0 ? i : Order.Length;

    public static readonly IReadOnlyDictionary<string, string> All = Order.ToDictionary(t => t, t => t);

    /// <summary>Types that belong on the Griffin agenda when they concern a current nominal.</summary>
    public static readonly IReadOnlySet<string> GriffinWhenNominal = new HashSet<string>
    {
        ClockDue, Spo, NewlyTiered, ReleaseDue, ActionOverdue, RiskSummary, PsrDue, Mappa, ProbationRecord, CaseEvent, Intervention,
    };
}

public static class Risks
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Standard = "standard";

    public static int Rank(string risk) => risk switch { High => 0, Medium => 1, _ => 2 };
}
