using System.Globalization;
using Masip.Contracts.Meetings;
using Masip.Meetings.Calendar;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Sharing;

namespace Masip.Meetings.Agenda.Views;

/// <summary>
/// Renders a meeting's agenda for one attendee through the sharing agreement. The view is
/// filtered here for the attendee's role (for the meeting's purpose, victim voice only where the
/// victim consented and has not withdrawn): what the attendee may not see is replaced by a marker
/// saying which class was withheld. The platform then filters the reply again for the caller, by
/// the same classes: each value travels in the field of its own class.
/// </summary>
public static class AgendaViews
{
    /// <summary>The type a view gives an item the viewer may not know of.</summary>
    public const string WithheldType = "withheld";

    public static string Marker(string dataClass) => $"[withheld: {dataClass}]";

    /// <summary>One item as one viewer sees it; Type is null when the item itself is withheld.</summary>
    private sealed record Rendered(AgendaItemReply Reply, string? Type, IReadOnlyList<string> Withheld);

    /// <summary>
    /// The agenda as <paramref name="viewerRole"/> sees it, in agenda order. More items of one kind
    /// than the meeting's group threshold become one group entry (its count, listed by
    /// ListAgendaGroup), so the view stays one screen per kind however many arrive (issue 14.6).
    /// An item the viewer may not know of is never grouped under its kind: it shows only its
    /// position and the marker of its class.
    /// </summary>
    public static AgendaReply Render(Meeting meeting, string viewerRole, SharingAgreement agreement, VoiceWithdrawals withdrawals)
    {
        var reply = new AgendaReply
        {
            MeetingId = meeting.Id.ToString(),
            Type = meeting.Type,
            Date = Formats.Date(meeting.Date),
            Version = meeting.AgendaVersion,
            Viewer = viewerRole,
            GroupThreshold = meeting.GroupThresholdOrDefault,
        };
        var rendered = meeting.Agenda.Select((item, index) => RenderItem(item, index + 1, meeting.Type, viewerRole, agreement, withdrawals)).ToList();
        var grouped = rendered.Where(r => r.Type is not null).GroupBy(r => r.Type!)
            .Where(g => g.Count() > meeting.GroupThresholdOrDefault)
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var item in rendered)
        {
            if (item.Type is { } type && grouped.TryGetValue(type, out var members))
            {
                if (ReferenceEquals(members[0], item))
                    reply.Items.Add(GroupEntry(type, members));
                continue;
            }
            var path = $"items[{reply.Items.Count}]";
            reply.Items.Add(item.Reply);
            reply.Withheld.AddRange(item.Withheld.Select(w => path + w));
        }
        return reply;
    }

    /// <summary>A page of one kind's items, how many there are in all, and the position the next page starts after (null: the last page).</summary>
    public sealed record GroupPage(AgendaGroupReply Reply, int Total, int? NextAfter);

    /// <summary>
    /// One page of the items of <paramref name="type"/> that <paramref name="viewerRole"/> may
    /// know of, after agenda position <paramref name="afterPosition"/>, in agenda order. Items
    /// withheld from the viewer are never counted or listed under a kind.
    /// </summary>
    public static GroupPage RenderGroup(Meeting meeting, string viewerRole, SharingAgreement agreement,
        VoiceWithdrawals withdrawals, string type, int afterPosition, int size)
    {
        var reply = new AgendaGroupReply
        {
            MeetingId = meeting.Id.ToString(),
            Type = type,
            Version = meeting.AgendaVersion,
            Viewer = viewerRole,
        };
        var total = 0;
        var more = false;
        for (var index = 0; index < meeting.Agenda.Count; index++)
        {
            var item = meeting.Agenda[index];
            if (item.Type != type || !agreement.MaySee(viewerRole, item.ItemClass, meeting.Type))
                continue;
            total++;
            if (index + 1 <= afterPosition)
                continue;
            if (reply.Items.Count == size)
            {
                more = true;
                continue;
            }
            var rendered = RenderItem(item, index + 1, meeting.Type, viewerRole, agreement, withdrawals);
            var path = $"items[{reply.Items.Count}]";
            reply.Items.Add(rendered.Reply);
            reply.Withheld.AddRange(rendered.Withheld.Select(w => path + w));
        }
        return new GroupPage(reply, total, more ? reply.Items[^1].Position : null);
    }

    private static Rendered RenderItem(AgendaItem item, int position, string purpose, string viewerRole, SharingAgreement agreement,
        VoiceWithdrawals withdrawals)
    {
        // "dmm" | "griffin": the meeting's type is its purpose in the agreement.
        if (!agreement.MaySee(viewerRole, item.ItemClass, purpose))
        {
            // That the item exists is itself of its class (a Griffin alert says who is a nominal):
            // the viewer learns only that something is withheld here, nothing about whom.
            return new Rendered(new AgendaItemReply { Position = position, Type = WithheldType, Reason = Marker(item.ItemClass) },
                null, [$": {item.ItemClass}"]);
        }
        var consented = item.VictimConsent && item.ReferralId is not null && !withdrawals.Withhold(item);
        var view = new AgendaItemReply
        {
            ItemId = item.ItemId,
            Position = position,
            Type = item.Type,
            Risk = item.Risk,
            Reason = item.Reason,
            OccurredAt = Formats.Instant(item.OccurredAt),
            AgeDays = item.AgeDays,
            CrimeReference = item.CrimeReference ?? "",
        };
        view.Sources.AddRange(item.Sources.Select(s => new SourceLink { Kind = s.Kind, Id = s.Id, Message = s.Message }));
        var withheld = new List<string>();
        foreach (var field in item.Fields)
        {
            var contribution = new ContributionField { Agency = field.Agency, Name = field.Name, DataClass = field.DataClass };
            if (agreement.MaySee(viewerRole, field.DataClass, purpose, consented))
            {
                Set(contribution, field.DataClass, field.Value);
            }
            else
            {
                contribution.WithheldMarker = item.VictimConsent && !consented && field.DataClass == "victim.voice"
                    ? Marker("victim.voice (consent withdrawn)")
                    : Marker(field.DataClass);
                withheld.Add($".{field.Name}: {field.DataClass}");
            }
            view.Contributions.Add(contribution);
        }
        return new Rendered(view, item.Type, withheld);
    }

    private static AgendaItemReply GroupEntry(string type, IReadOnlyList<Rendered> members)
    {
        var byRisk = members.GroupBy(m => m.Reply.Risk).OrderBy(g => Risks.Rank(g.Key))
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}"));
        return new AgendaItemReply
        {
            Position = members[0].Reply.Position,
            Type = type,
            Risk = members[0].Reply.Risk,
            Reason = string.Create(CultureInfo.InvariantCulture,
                $"{members.Count} items of this kind ({string.Join(", ", byRisk)}): listed by ListAgendaGroup"),
            GroupCount = members.Count,
        };
    }

    /// <summary>True when the rendered view shows victim voice (so the reply carries consented data).</summary>
    public static bool ShowsVictimVoice(IEnumerable<AgendaItemReply> items) =>
        items.SelectMany(i => i.Contributions).Any(c => c.VictimVoice.Length > 0);

    /// <summary>Puts the value in the field of its class; an unknown class is never shown.</summary>
    public static void Set(ContributionField field, string dataClass, string value)
    {
        switch (dataClass)
        {
            case "record.meta": field.Meta = value; break;
            case "case.summary": field.CaseSummary = value; break;
            case "police.intelligence": field.PoliceIntelligence = value; break;
            case "griffin.restricted": field.GriffinRestricted = value; break;
            case "perpetrator.identity": field.PerpetratorIdentity = value; break;
            case "victim.identity": field.VictimIdentity = value; break;
            case "victim.voice": field.VictimVoice = value; break;
            case "probation.record": field.ProbationRecord = value; break;
            case "clinical.risk-summary": field.ClinicalRiskSummary = value; break;
            case "officer.identity": field.OfficerIdentity = value; break;
            default: field.WithheldMarker = Marker(dataClass); break;
        }
    }

    /// <summary>The value a contribution shows (whichever class field is set), or its marker.</summary>
    public static string Shown(ContributionField f) =>
        new[] { f.Meta, f.CaseSummary, f.PoliceIntelligence, f.GriffinRestricted, f.PerpetratorIdentity, f.VictimIdentity,
            f.VictimVoice, f.ProbationRecord, f.ClinicalRiskSummary, f.OfficerIdentity }.FirstOrDefault(v => v.Length > 0)
        ?? (f.WithheldMarker.Length > 0 ? f.WithheldMarker : Marker(f.DataClass));
}
