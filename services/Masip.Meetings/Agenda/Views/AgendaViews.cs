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
    public static string Marker(string dataClass) => $"[withheld: {dataClass}]";

    public static AgendaReply Render(Meeting meeting, string viewerRole, SharingAgreement agreement, IReadOnlySet<Guid> withdrawnVoices)
    {
        var purpose = meeting.Type; // "dmm" | "griffin": both are purposes in the agreement
        var reply = new AgendaReply
        {
            MeetingId = meeting.Id.ToString(),
            Type = meeting.Type,
            Date = Formats.Date(meeting.Date),
            Version = meeting.AgendaVersion,
            Viewer = viewerRole,
        };
        for (var index = 0; index < meeting.Agenda.Count; index++)
        {
            var item = meeting.Agenda[index];
            var path = $"items[{index}]";
            var view = new AgendaItemReply { ItemId = item.ItemId, Position = index + 1 };
            reply.Items.Add(view);
            if (!agreement.MaySee(viewerRole, item.ItemClass, purpose))
            {
                view.Type = "withheld";
                view.Reason = Marker(item.ItemClass);
                reply.Withheld.Add($"{path}: {item.ItemClass}");
                continue;
            }
            var consented = item.VictimConsent && item.ReferralId is { } referral && !withdrawnVoices.Contains(referral);
            view.Type = item.Type;
            view.Risk = item.Risk;
            view.Reason = item.Reason;
            view.OccurredAt = Formats.Instant(item.OccurredAt);
            view.AgeDays = item.AgeDays;
            view.CrimeReference = item.CrimeReference ?? "";
            view.Sources.AddRange(item.Sources.Select(s => new SourceLink { Kind = s.Kind, Id = s.Id, Message = s.Message }));
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
                    reply.Withheld.Add($"{path}.{field.Name}: {field.DataClass}");
                }
                view.Contributions.Add(contribution);
            }
        }
        return reply;
    }

    /// <summary>True when the rendered view shows victim voice (so the reply carries consented data).</summary>
    public static bool ShowsVictimVoice(AgendaReply view) =>
        view.Items.SelectMany(i => i.Contributions).Any(c => c.VictimVoice.Length > 0);

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

    /// <summary>Validates whom a view is for: a role known for the agency, and allowed at this meeting.</summary>
    public static string ViewerRole(Meeting meeting, string? agency, string? role)
    {
        var a = Require.OneOf(agency, "attendee_agency", Calendar.Scheduling.Attendees.Agencies);
        var r = Require.Text(role, "attendee_role", 40);
        if (!Calendar.Scheduling.Attendees.RolesByAgency[a].Contains(r))
            throw new InvalidFieldException("attendee_role", $"{a} has no role '{r}' at meetings");
        if (meeting.Type == MeetingTypes.Griffin && a == "advocacy")
            throw new RuleViolationException("attendee_agency", "the Griffin meeting has no advocacy attendee");
        return $"{a}/{r}";
    }
}
