using System.Globalization;
using System.Net;
using System.Text;
using Masip.Contracts.Meetings;
using Masip.Meetings.Actions;
using Masip.Meetings.Agenda.Views;
using Masip.Meetings.Calendar;
using Masip.ServiceDefaults.Sharing;

namespace Masip.Meetings.Export;

/// <summary>
/// The printable agenda and minutes of one attendee's view, as Markdown or HTML. Built only from
/// the view already filtered for that attendee (and minutes filtered the same way), one page per
/// item group (type) in HTML.
/// </summary>
public static class MeetingExport
{
    public const string Markdown = "markdown";
    public const string Html = "html";

    public static readonly IReadOnlyDictionary<string, string> Formats = new Dictionary<string, string> { [Markdown] = Markdown, [Html] = Html };

    private sealed record Section(string Title, IReadOnlyList<(string Heading, IReadOnlyList<string> Lines)> Blocks);

    public static string Agenda(AgendaReply view, string format) =>
        Write(format, $"{Title(view.Type)} agenda, {view.Date} (version {view.Version}), view for {view.Viewer}", AgendaSections(view));

    public static string Minutes(Meeting meeting, AgendaReply view, IReadOnlyList<MeetingAction> actions, SharingAgreement agreement, string format)
    {
        var purpose = meeting.Type;
        string Show(string dataClass, string value) => agreement.MaySee(view.Viewer, dataClass, purpose) ? value : AgendaViews.Marker(dataClass);
        var sections = new List<Section>
        {
            new("Attendance", [("Attendees", [
                $"Chair: {Show("officer.identity", meeting.Chair)}",
                .. meeting.Attendees.Select(a =>
                    $"{a.Agency}/{a.Role}: {Show("officer.identity", a.Person)} ({Attendance(meeting, a.Person)})")])]),
        };
        sections.AddRange(AgendaSections(view));
        // An item the viewer may not know of is named by its position only, and nothing said
        // about it (discussion, decision, action) is shown: not even its id.
        var items = meeting.Agenda.Select((item, index) => (item, Position: index + 1)).ToDictionary(x => x.item.ItemId);
        string? Hidden(string itemId) => items.TryGetValue(itemId, out var x) && !agreement.MaySee(view.Viewer, x.item.ItemClass, purpose)
            ? $"Item at position {x.Position}: {AgendaViews.Marker(x.item.ItemClass)}" : null;
        var detailClass = meeting.Type == MeetingTypes.Griffin ? "griffin.restricted" : "case.summary";
        sections.Add(new Section("Discussion and decisions", [("Per item", [
            .. meeting.Discussions.Select(d => Hidden(d.ItemId) ?? $"Item {d.ItemId}: {Show("police.intelligence", d.Summary)}"),
            .. meeting.Decisions.Select(d => Hidden(d.ItemId)
                ?? (d.Kind == Running.DecisionKinds.NominateToGriffin && !agreement.MaySee(view.Viewer, "griffin.restricted", purpose)
                    ? $"Decision on item {d.ItemId}: {AgendaViews.Marker("griffin.restricted")}"
                    : $"Decision on item {d.ItemId}: {d.Kind}, owner {d.OwnerAgency}"
                        + (d.NewTier is { } t ? $", tier {Show("case.summary", t.ToString(CultureInfo.InvariantCulture))}" : "") + $": {Show(detailClass, d.Detail)}")),
        ])]));
        sections.Add(new Section("Actions", [("Actions", [
            .. actions.Select(a => Hidden(a.ItemId) is { } hidden ? $"Action on {hidden}"
                : $"{a.OwnerAgency}, {Show("officer.identity", a.Assignee)}, due {a.DueDate:yyyy-MM-dd}, {(a.Open ? "open" : "completed")}: {Show(detailClass, a.Description)}"),
        ])]));
        return Write(format, $"{Title(meeting.Type)} minutes, {view.Date}, view for {view.Viewer}", sections);
    }

    private static string Attendance(Meeting meeting, string person) =>
        meeting.Attendance.FirstOrDefault(a => a.Person == person) is { } entry ? entry.Present ? "present" : "absent" : "expected";

    private static string Title(string type) => type == MeetingTypes.Griffin ? "Operation Griffin meeting" : "Daily management meeting";

    private static IEnumerable<Section> AgendaSections(AgendaReply view) =>
        view.Items.GroupBy(i => i.Type).Select(group => new Section($"Items: {group.Key}", [.. group.Select(item =>
            ($"{item.Position}. {item.Reason}" + (item.GroupCount > 0 ? "" : item.Risk.Length > 0 ? $" (risk {item.Risk}, {item.AgeDays} days)" : ""),
             (IReadOnlyList<string>)[
                 .. item.CrimeReference.Length > 0 ? [$"Crime reference: {item.CrimeReference}"] : Array.Empty<string>(),
                 .. item.Contributions.Select(c => $"{c.Agency} {c.Name}: {AgendaViews.Shown(c)}"),
                 .. item.Sources.Select(s => $"Source: {s.Kind} {s.Id} ({s.Message})"),
             ]))]));

    private static string Write(string format, string title, IEnumerable<Section> sections)
    {
        var text = new StringBuilder();
        if (format == Html)
        {
            text.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title))
                .Append("</title><style>section{page-break-after:always}</style></head><body>\n<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>\n");
            foreach (var section in sections)
            {
                text.Append("<section><h2>").Append(WebUtility.HtmlEncode(section.Title)).Append("</h2>\n");
                foreach (var (heading, lines) in section.Blocks)
                {
                    text.Append("<h3>").Append(WebUtility.HtmlEncode(heading)).Append("</h3>\n<ul>\n");
                    foreach (var line in lines)
                        text.Append("<li>").Append(WebUtility.HtmlEncode(line)).Append("</li>\n");
                    text.Append("</ul>\n");
                }
                text.Append("</section>\n");
            }
            text.Append("</body></html>\n");
        }
        else
        {
            text.Append("# ").Append(title).Append("\n\n");
            foreach (var section in sections)
            {
                text.Append("## ").Append(section.Title).Append("\n\n");
                foreach (var (heading, lines) in section.Blocks)
                {
                    text.Append("### ").Append(heading).Append("\n\n");
                    foreach (var line in lines)
                        text.Append("- ").Append(line.Replace("\n", " ")).Append('\n');
                    text.Append('\n');
                }
                text.Append("\\pagebreak\n\n");
            }
        }
        return text.ToString();
    }
}
