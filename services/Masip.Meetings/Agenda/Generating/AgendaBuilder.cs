using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Masip.Meetings.Actions;
using Masip.Meetings.Agenda.Candidates;
using Masip.Meetings.Calendar;

namespace Masip.Meetings.Agenda.Generating;

/// <summary>What the agenda of one meeting is built from (loaded by the handler, or given by a test).</summary>
public sealed record AgendaInputs(
    IReadOnlyCollection<AgendaCandidate> Candidates,
    IReadOnlySet<string> OnEarlierAgendas,
    IReadOnlyCollection<MeetingAction> OpenActions,
    IReadOnlySet<Guid> CurrentNominals)
{
    /// <summary>What partners already shared about the perpetrators (probation record, NHS risk summary, MAPPA, interventions), any date.</summary>
    public IReadOnlyCollection<AgendaCandidate> Background { get; init; } = [];

    /// <summary>When each referral awaiting a decision was accepted or declined (by referral id), if it was.</summary>
    public IReadOnlyDictionary<Guid, DateTimeOffset> DecidedReferrals { get; init; } = new Dictionary<Guid, DateTimeOffset>();
}

/// <summary>
/// Builds a meeting's agenda: a pure function of the meeting and its inputs, so the same inputs
/// always give the same agenda (the fingerprint) and generating again adds no version.
/// </summary>
public static class AgendaBuilder
{
    /// <summary>How far back a candidate not yet discussed is still brought to a meeting.</summary>
    public const int LookbackDays = 28;

    /// <summary>s2A (summary only) must be charged within 6 months; flagged from 28 days before.</summary>
    public const int S2AWarningDays = 28;

    public static DateTimeOffset WindowEnd(DateOnly date) => new(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static DateTimeOffset WindowStart(DateOnly date) => new(date.AddDays(-LookbackDays).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static IReadOnlyList<AgendaItem> Build(Meeting meeting, AgendaInputs inputs)
    {
        var end = WindowEnd(meeting.Date);
        var start = WindowStart(meeting.Date);
        var griffin = meeting.Type == MeetingTypes.Griffin;
        var items = new List<AgendaItem>();

        foreach (var c in inputs.Candidates)
        {
            // A referral awaiting a decision is on every agenda until it is decided (issue 18.5), however old.
            var pendingReferral = c.Type == ItemTypes.ReferralAwaitingDecision;
            if (c.OccurredAt >= end || !pendingReferral && (c.OccurredAt < start || inputs.OnEarlierAgendas.Contains(c.Id)))
                continue;
            if (griffin && !IsGriffinRelevant(c.Type, c.PerpetratorId, inputs.CurrentNominals))
                continue;
            // A referral decided before the meeting's day ends is no longer pending (its decision is the news).
            if (c.Type == ItemTypes.ReferralAwaitingDecision && c.ReferralId is { } referral
                && inputs.DecidedReferrals.TryGetValue(referral, out var decidedAt) && decidedAt < end)
                continue;
            var (sources, fields) = WithPartners(c, inputs.Background, end);
            items.Add(new AgendaItem(c.Id, c.Type, c.Risk, c.Reason, c.OccurredAt, Age(c.OccurredAt, meeting.Date), c.CrimeReference,
                c.CaseId, c.PerpetratorId, c.ReferralId, c.ItemClass, c.VictimConsent, sources, fields, c.Sequence));
        }

        // s2A limits near: the 6-month limit counted from the offence date the tiering message
        // carries (the first incident: a case tiered late is warned in time; 003), or from the
        // tiering for a message published before it carried one; once (not again after an
        // earlier agenda carried the warning).
        foreach (var c in inputs.Candidates.Where(c => c is { Type: ItemTypes.NewlyTiered, Offence: "s2A", CaseId: not null }))
        {
            var limit = S2ALimit(c);
            if (meeting.Date < limit.AddDays(-S2AWarningDays) || meeting.Date > limit)
                continue;
            if (griffin && !IsGriffinRelevant(ItemTypes.NewlyTiered, c.PerpetratorId, inputs.CurrentNominals))
                continue;
            var id = $"s2a:{c.CaseId}";
            if (inputs.OnEarlierAgendas.Contains(id) || items.Any(i => i.ItemId == id))
                continue;
            items.Add(new AgendaItem(id, ItemTypes.S2ALimitNear, Risks.High, $"s2A time limit on {limit:yyyy-MM-dd}",
                c.OccurredAt, Age(c.OccurredAt, meeting.Date), c.CrimeReference, c.CaseId, c.PerpetratorId, null, "case.summary", false,
                c.Sources, [new ItemField("police", "time_limit", "record.meta", limit.ToString("yyyy-MM-dd"))]));
        }

        foreach (var a in inputs.OpenActions)
        {
            if (!a.Open || a.MeetingType != meeting.Type || a.MeetingDate >= meeting.Date || a.DueDate >= meeting.Date)
                continue;
            var occurred = new DateTimeOffset(a.DueDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            items.Add(new AgendaItem($"action:{a.Id}", ItemTypes.ActionOverdue, Risks.Medium, $"action overdue since {a.DueDate:yyyy-MM-dd}",
                occurred, Age(occurred, meeting.Date), null, null, null, null,
                griffin ? "griffin.restricted" : "case.summary", false,
                [new SourceRef("action", a.Id.ToString(), "MeetingAction"), new SourceRef("meeting", a.MeetingId.ToString(), "MeetingAction")],
                [
                    new ItemField(a.OwnerAgency, "owner_agency", "record.meta", a.OwnerAgency),
                    new ItemField(a.OwnerAgency, "assignee", "officer.identity", a.Assignee),
                    new ItemField(a.OwnerAgency, "due_date", "record.meta", a.DueDate.ToString("yyyy-MM-dd")),
                    new ItemField(a.OwnerAgency, "description", griffin ? "griffin.restricted" : "case.summary", a.Description),
                ]));
        }

        return [.. items
            .OrderBy(i => Risks.Rank(i.Risk))
            .ThenBy(i => ItemTypes.Rank(i.Type))
            .ThenBy(i => i.OccurredAt)
            .ThenBy(i => i.ItemId, StringComparer.Ordinal)];
    }

    /// <summary>Types whose latest message about a perpetrator is brought to every item about that perpetrator.</summary>
    /// <summary>The s2A time limit of a tiered case: six months from its offence date.</summary>
    public static DateOnly S2ALimit(AgendaCandidate tiered) =>
        (tiered.OffenceDate ?? DateOnly.FromDateTime(tiered.OccurredAt.UtcDateTime)).AddMonths(6);

    public static readonly IReadOnlySet<string> PartnerTypes = new HashSet<string>
    {
        ItemTypes.ProbationRecord, ItemTypes.RiskSummary, ItemTypes.Mappa, ItemTypes.Intervention,
    };

    /// <summary>
    /// Each partner's contribution: the item's own fields, then the latest of each partner type
    /// known (before the meeting) about the same perpetrator, each field keeping its own agency and class.
    /// </summary>
    private static (IReadOnlyList<SourceRef> Sources, IReadOnlyList<ItemField> Fields) WithPartners(
        AgendaCandidate item, IReadOnlyCollection<AgendaCandidate> background, DateTimeOffset end)
    {
        if (item.PerpetratorId is not { } perpetrator || background.Count == 0)
            return (item.Sources, item.Fields);
        var latest = background
            .Where(b => b.PerpetratorId == perpetrator && b.Id != item.Id && b.OccurredAt < end && PartnerTypes.Contains(b.Type))
            .GroupBy(b => b.Type)
            .Select(g => g.OrderByDescending(b => b.OccurredAt).ThenBy(b => b.Id, StringComparer.Ordinal).First())
            .OrderBy(b => ItemTypes.Rank(b.Type))
            .ToList();
        if (latest.Count == 0)
            return (item.Sources, item.Fields);
        return ([.. item.Sources, .. latest.SelectMany(b => b.Sources.Where(s => s.Kind != "perpetrator"))],
                [.. item.Fields, .. latest.SelectMany(b => b.Fields)]);
    }

    public static bool IsGriffinRelevant(string type, Guid? perpetratorId, IReadOnlySet<Guid> nominals) =>
        type == ItemTypes.GriffinAlert
        || ItemTypes.GriffinWhenNominal.Contains(type) && perpetratorId is { } p && nominals.Contains(p);

    private static int Age(DateTimeOffset occurredAt, DateOnly meetingDate) =>
        Math.Max(0, meetingDate.DayNumber - DateOnly.FromDateTime(occurredAt.UtcDateTime).DayNumber);

    public static string Fingerprint(IReadOnlyList<AgendaItem> items)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(items);
        return Convert.ToHexString(SHA256.HashData(json));
    }
}

public static class GenerateAgendaDecision
{
    /// <summary>A new agenda version only when the items differ from the current version's.</summary>
    public static IReadOnlyList<object> Decide(Meeting meeting, AgendaInputs inputs, DateTimeOffset now)
    {
        var items = AgendaBuilder.Build(meeting, inputs);
        var fingerprint = AgendaBuilder.Fingerprint(items);
        return fingerprint == meeting.AgendaFingerprint
            ? []
            : [new AgendaGenerated(meeting.Id, meeting.AgendaVersion + 1, fingerprint, items, now)];
    }
}
