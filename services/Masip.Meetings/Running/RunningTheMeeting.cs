using Masip.Meetings.Calendar;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Meetings.Running;

public sealed record RecordAttendance(Guid MeetingId, string Person, bool Present);

public sealed record RecordDiscussion(Guid MeetingId, string ItemId, string Summary);

/// <summary>A decision of the meeting on one item; the chair who records it (the caller) is its actor.</summary>
public sealed record RecordDecision(Guid MeetingId, Guid DecisionId, string ItemId, string Kind, string OwnerAgency, string Detail, int? NewTier);

public static class DecisionKinds
{
    public const string TierChange = "tier-change";
    public const string NominateToGriffin = "nominate-to-griffin";

    public static readonly IReadOnlyDictionary<string, string> All = new[]
    {
        TierChange, "refer", "apply-for-spo", NominateToGriffin, "no-further-action",
        "refer-to-nhs", "refer-to-probation", "refer-to-advocacy", "consider-spo", "mappa-referral", "safety-plan-review", "victim-update",
    }.ToDictionary(k => k, k => k);

    /// <summary>
    /// Who may own each decision (issue 18.2): the agency whose service carries it out. A referral
    /// is made by the agency that holds the identities it carries (the police; probation may refer
    /// a person it manages to the NHS); SPOs are the police's to seek; a safety plan is advocacy's.
    /// A kind not listed may be owned by any agency.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Owners = new Dictionary<string, IReadOnlySet<string>>
    {
        [TierChange] = new HashSet<string> { "police" },
        ["refer-to-nhs"] = new HashSet<string> { "police", "probation" },
        ["refer-to-probation"] = new HashSet<string> { "police" },
        ["refer-to-advocacy"] = new HashSet<string> { "police" },
        ["consider-spo"] = new HashSet<string> { "police" },
        ["apply-for-spo"] = new HashSet<string> { "police" },
        ["mappa-referral"] = new HashSet<string> { "police", "probation" },
        ["safety-plan-review"] = new HashSet<string> { "advocacy" },
        ["victim-update"] = new HashSet<string> { "police", "advocacy" },
    };
}

/// <summary>Deciders for what happens in the meeting: attendance, discussion, decisions.</summary>
public static class RunningDecisions
{
    public static IReadOnlyList<object> Decide(Meeting m, RecordAttendance command, DateTimeOffset now)
    {
        if (m.Attendees.All(a => a.Person != command.Person) && m.Chair != command.Person)
            throw new RuleViolationException("person", "not an attendee of this meeting; add the attendee first");
        return m.Attendance.Contains(new AttendanceEntry(command.Person, command.Present))
            ? []
            : [new AttendanceRecorded(m.Id, command.Person, command.Present, now)];
    }

    public static IReadOnlyList<object> Decide(Meeting m, RecordDiscussion command, DateTimeOffset now)
    {
        OnAgenda(m, command.ItemId);
        return m.Discussions.Contains(new Discussion(command.ItemId, command.Summary))
            ? []
            : [new DiscussionRecorded(m.Id, command.ItemId, command.Summary, now)];
    }

    /// <summary>A decision on an item of the current agenda, recorded as the actor's; the same decision id again decides nothing.</summary>
    public static IReadOnlyList<object> Decide(Meeting m, RecordDecision command, Actor actor, DateTimeOffset now)
    {
        var item = OnAgenda(m, command.ItemId);
        if (m.Decisions.FirstOrDefault(d => d.DecisionId == command.DecisionId) is { } earlier)
            return earlier.ItemId == command.ItemId && earlier.Kind == command.Kind && earlier.OwnerAgency == command.OwnerAgency
                ? []
                : throw new DuplicateRecordException("decision_id", "a different decision already has this id");
        if (command.Kind == DecisionKinds.TierChange && command.NewTier is not (>= 1 and <= 3))
            throw new InvalidFieldException("new_tier", "a tier change needs the new tier, 1 to 3");
        if (command.Kind != DecisionKinds.TierChange && command.NewTier is not null)
            throw new InvalidFieldException("new_tier", "only a tier change has a new tier");
        if (command.Kind == DecisionKinds.TierChange && command.OwnerAgency != "police")
            throw new RuleViolationException("owner_agency", "tiers are owned by the police; a tier change is for police to apply");
        if (DecisionKinds.Owners.TryGetValue(command.Kind, out var owners) && !owners.Contains(command.OwnerAgency))
            throw new RuleViolationException("owner_agency", $"the {command.Kind} decision is owned by {string.Join(" or ", owners.Order())}");
        if ((m.Type == MeetingTypes.Griffin || command.Kind == DecisionKinds.NominateToGriffin) && command.OwnerAgency == "advocacy")
            throw new RuleViolationException("owner_agency", "a Griffin decision cannot be owned by advocacy");
        return [new DecisionRecorded(m.Id, command.DecisionId, m.Type, m.Date, command.ItemId, command.Kind, command.OwnerAgency,
            item.CaseId, item.PerpetratorId, item.CrimeReference, command.NewTier, command.Detail, actor.Subject, now)];
    }

    private static Agenda.AgendaItem OnAgenda(Meeting meeting, string itemId) =>
        meeting.Agenda.FirstOrDefault(i => i.ItemId == itemId)
        ?? throw new RuleViolationException("item_id", $"item {itemId} is not on the meeting's agenda (version {meeting.AgendaVersion})");
}
