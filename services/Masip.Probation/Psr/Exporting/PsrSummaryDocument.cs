using System.Net;
using System.Text;
using Masip.Probation.People;
using Masip.Probation.Psr.PartnerInput;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.Psr.Exporting;

public enum DocumentFormat { Markdown, Html }

/// <summary>The consultation summary the report writer pastes into the PSR: Markdown, or HTML for the word processor.</summary>
public static class PsrSummaryDocument
{
    public static readonly IReadOnlyDictionary<string, DocumentFormat> Formats = new Dictionary<string, DocumentFormat>
    {
        ["markdown"] = DocumentFormat.Markdown,
        ["html"] = DocumentFormat.Html,
    };

    public static string ContentType(DocumentFormat format) => format == DocumentFormat.Html ? "text/html" : "text/markdown";

    public static string Render(PsrConsultation consultation, Person person, PsrPartnerSections partners, DocumentFormat format)
    {
        var facts = new List<(string Label, string Value)>
        {
            ("Person", person.Name),
            ("Date of birth", ServiceDefaults.Errors.Formats.Date(person.DateOfBirth)),
            ("PNC id", person.PncId ?? "not recorded"),
            ("Court", consultation.Court),
            ("Hearing date", ServiceDefaults.Errors.Formats.Date(consultation.HearingDate)),
            ("Report due", ServiceDefaults.Errors.Formats.Date(consultation.DueDate)),
            ("Offence", consultation.Offence),
            ("Requested by", $"{consultation.RequestedBy} ({Name(PsrWire.RequesterRoles, consultation.RequesterRole)})"),
            ("Status", Name(PsrWire.Statuses, consultation.Status)),
        };
        var sections = consultation.Input is { } input
            ? new List<(string Heading, IReadOnlyList<string> Lines)>
            {
                ("Papers reviewed", [input.ReviewedPapers]),
                ("History", [input.History]),
                ("Stalking-specific considerations", [input.StalkingConsiderations]),
                ("Recommended requirements", input.RecommendedRequirements.Count == 0 ? ["none"] : input.RecommendedRequirements),
                ("STAC input recorded by", [$"{input.RecordedBy}, {ServiceDefaults.Errors.Formats.Instant(input.RecordedAt)}"]),
            }
            : [("STAC input", ["not yet recorded"])];
        // Partner information for this PSR (issue 18.7), each with its source and date.
        sections.Add(("NHS risk summary", [partners.NhsRiskSummary ?? "none shared by the NHS"]));
        sections.Add(("Police case facts", [partners.PoliceCaseFacts ?? "none shared by the police"]));
        return format == DocumentFormat.Html ? Html(facts, sections) : Markdown(facts, sections);
    }

    private static string Markdown(List<(string Label, string Value)> facts, List<(string Heading, IReadOnlyList<string> Lines)> sections)
    {
        var md = new StringBuilder("# PSR consultation summary (STAC probation)\n\n");
        foreach (var (label, value) in facts)
            md.Append("- **").Append(label).Append(":** ").Append(OneLine(value)).Append('\n');
        foreach (var (heading, lines) in sections)
        {
            md.Append("\n## ").Append(heading).Append("\n\n");
            if (lines.Count == 1)
                md.Append(lines[0].Trim()).Append('\n');
            else
                foreach (var line in lines)
                    md.Append("- ").Append(OneLine(line)).Append('\n');
        }
        return md.ToString();
    }

    private static string Html(List<(string Label, string Value)> facts, List<(string Heading, IReadOnlyList<string> Lines)> sections)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>PSR consultation summary</title></head><body>\n");
        html.Append("<h1>PSR consultation summary (STAC probation)</h1>\n<dl>\n");
        foreach (var (label, value) in facts)
            html.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");
        html.Append("</dl>\n");
        foreach (var (heading, lines) in sections)
        {
            html.Append("<h2>").Append(E(heading)).Append("</h2>\n");
            if (lines.Count == 1)
                html.Append("<p>").Append(E(lines[0])).Append("</p>\n");
            else
                html.Append("<ul>").Append(string.Concat(lines.Select(l => $"<li>{E(l)}</li>"))).Append("</ul>\n");
        }
        return html.Append("</body></html>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    private static string Name<T>(IReadOnlyDictionary<string, T> table, T value) where T : struct, Enum => Wire.Name(table, value);
}
