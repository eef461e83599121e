using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Masip.ServiceDefaults.Matching;

namespace Masip.ServiceDefaults.DataProtection;

/// <summary>
/// A subject-access export as stored for the data-protection officer's review (UK GDPR Art. 15;
/// DPA 2018 s45): what one agency holds about one person, third parties redacted. Erasing the
/// person later rewrites it like every other stored record.
/// </summary>
public sealed class SubjectAccessExport
{
    public Guid Id { get; set; }
    public Guid? RequestId { get; set; }
    public string Agency { get; set; } = "";
    public string SubjectName { get; set; } = "";
    public DateOnly? SubjectDateOfBirth { get; set; }
    public string Json { get; set; } = "";
    public string Markdown { get; set; } = "";
    public int Records { get; set; }
    public int Disclosures { get; set; }
    public int WithheldValues { get; set; }
    public List<string> WithheldClasses { get; set; } = [];
    public List<string> Roles { get; set; } = [];
    public string Sha256 { get; set; } = "";
    public string PreparedBy { get; set; } = "";
    public DateTimeOffset PreparedAt { get; set; }
}

/// <summary>
/// Builds the export from what <see cref="SubjectFinder"/> found. Record by record, every value
/// whose class the agreement withholds from the role the person holds there is replaced by
/// "[withheld: CLASS]"; then every withheld value (and its NameKey form) is redacted wherever else
/// it appears in the export, free text included, so a victim's name written into a summary or an
/// access reason never reaches the suspect. JSON for machines, Markdown for the reviewer.
/// </summary>
public static class SubjectAccessExportBuilder
{
    public const string Redacted = "[withheld]";

    public static SubjectAccessExport Build(Guid exportId, Guid? requestId, string agency, DataSubject subject, SubjectHoldings holdings,
        SubjectAccessPolicy policy, string preparedBy, DateTimeOffset now)
    {
        var withheldValues = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var withheldClasses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var records = new JsonArray();
        var documents = new JsonArray();
        foreach (var (record, roles) in holdings.Records)
        {
            var withhold = roles.SelectMany(r => policy.Roles.TryGetValue(r, out var role) ? role.Withhold : []).ToHashSet();
            var data = record.Data?.DeepClone();
            StoredJson.Rewrite(data, [record.Root], (path, value) =>
            {
                if (policy.ClassOf(path) is not { } dataClass || !withhold.Contains(dataClass))
                    return null;
                if (StoredJson.Text(value) is { } text && Distinctive(text))
                {
                    withheldValues.Add(text);
                    if (NameKey.For(text) is { } key && Distinctive(key))
                        withheldValues.Add(key);
                }
                withheldClasses[dataClass] = withheldClasses.GetValueOrDefault(dataClass) + 1;
                return $"[withheld: {dataClass}]";
            });
            var entry = new JsonObject
            {
                ["type"] = record.Type,
                ["id"] = record.Id,
                ["yourRole"] = new JsonArray([.. roles.Order(StringComparer.Ordinal).Select(r => (JsonNode)r)]),
                ["data"] = data,
            };
            if (record.Kind == "event")
            {
                entry["stream"] = record.StreamId?.ToString();
                entry["version"] = record.Version;
                entry["at"] = record.At?.ToString("O", CultureInfo.InvariantCulture);
                records.Add(entry);
            }
            else
                documents.Add(entry);
        }
        var disclosures = new JsonArray([.. holdings.Disclosures.Select(d => d.Data?.DeepClone())]);
        var roleNames = holdings.Records.SelectMany(r => r.Roles).Distinct().Order(StringComparer.Ordinal).ToList();
        var root = new JsonObject
        {
            ["exportId"] = exportId.ToString(),
            ["agency"] = agency,
            ["subject"] = new JsonObject
            {
                ["name"] = subject.Name,
                ["dateOfBirth"] = subject.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            ["preparedAt"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["roles"] = new JsonArray([.. roleNames.Select(r => (JsonNode)r)]),
            ["withheld"] = new JsonArray([.. roleNames.Where(policy.Roles.ContainsKey).Select(r => (JsonNode)new JsonObject
            {
                ["asRole"] = r,
                ["classes"] = new JsonArray([.. policy.Roles[r].Withhold.Select(c => (JsonNode)c)]),
                ["basis"] = policy.Roles[r].Basis,
            })]),
            ["events"] = records,
            ["documents"] = documents,
            ["disclosures"] = disclosures,
        };
        // The subject's own name stays: it is theirs, whatever else it matched.
        withheldValues.Remove(subject.Name);
        withheldValues.Remove(subject.Key);
        var scrub = Scrubber(withheldValues);
        StoredJson.Rewrite(root["events"], [], (_, v) => Scrub(v, scrub));
        StoredJson.Rewrite(root["documents"], [], (_, v) => Scrub(v, scrub));
        StoredJson.Rewrite(root["disclosures"], [], (_, v) => Scrub(v, scrub));

        var json = root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        return new SubjectAccessExport
        {
            Id = exportId,
            RequestId = requestId,
            Agency = agency,
            SubjectName = subject.Name,
            SubjectDateOfBirth = subject.DateOfBirth,
            Json = json,
            Markdown = Markdown(root, agency, subject),
            Records = records.Count + documents.Count,
            Disclosures = disclosures.Count,
            WithheldValues = withheldClasses.Values.Sum(),
            WithheldClasses = [.. withheldClasses.Keys],
            Roles = roleNames,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))),
            PreparedBy = preparedBy,
            PreparedAt = now,
        };
    }

    /// <summary>
    /// A value that names someone wherever it appears (a full name, a phone number, an address, an
    /// email, a date): redacted across the whole export. A single word from a closed list ("female",
    /// "declined") is withheld where it stands, not hunted through other records' free text.
    /// </summary>
    public static bool Distinctive(string value) =>
        value.Length >= 5 && (value.Contains(' ') || value.Contains('@') || value.Any(char.IsDigit));

    /// <summary>One pattern for all the values to redact, longest first; null when there are none.</summary>
    public static Regex? Scrubber(IEnumerable<string> values)
    {
        var list = values.Where(v => v.Length >= 3).OrderByDescending(v => v.Length).ThenBy(v => v, StringComparer.Ordinal).ToList();
        return list.Count == 0 ? null : new Regex(string.Join('|', list.Select(Regex.Escape)), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    private static string? Scrub(JsonValue value, Regex? scrub)
    {
        if (scrub is null || value.GetValueKind() != JsonValueKind.String)
            return null;
        var text = value.GetValue<string>();
        var scrubbed = scrub.Replace(text, Redacted);
        return scrubbed == text ? null : scrubbed;
    }

    private static string Markdown(JsonObject root, string agency, DataSubject subject)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Subject access export: {agency}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Export: {root["exportId"]}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Subject: {subject.Name}{(subject.DateOfBirth is { } d ? $", born {d:yyyy-MM-dd}" : "")}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Prepared: {root["preparedAt"]}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Roles held: {string.Join(", ", root["roles"]!.AsArray().Select(r => r!.GetValue<string>()))}");
        foreach (var w in root["withheld"]!.AsArray())
            md.AppendLine(CultureInfo.InvariantCulture,
                $"- Withheld as {w!["asRole"]}: {string.Join(", ", w["classes"]!.AsArray().Select(c => c!.GetValue<string>()))} ({w["basis"]})");
        Section(md, "Records (events)", root["events"]!.AsArray(), e => $"{e["type"]} (stream {e["stream"]}, version {e["version"]}, {e["at"]})");
        Section(md, "Records (current views and documents)", root["documents"]!.AsArray(), e => $"{e["type"]} {e["id"]}");
        Section(md, "Disclosures about you (who saw your records)", root["disclosures"]!.AsArray(), e => $"{e!["At"] ?? e["at"]}");
        return md.ToString();
    }

    private static void Section(StringBuilder md, string title, JsonArray items, Func<JsonNode, string> heading)
    {
        md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {title} ({items.Count})");
        foreach (var item in items.OfType<JsonNode>())
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {heading(item)}").AppendLine();
            var data = item is JsonObject o && o.ContainsKey("data") ? o["data"] : item;
            StoredJson.Walk(data, [], (path, value, _) =>
            {
                if (StoredJson.Text(value) is { Length: > 0 } text || value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                    md.AppendLine(CultureInfo.InvariantCulture, $"- {string.Join('.', path)}: {StoredJson.Text(value) ?? value.ToJsonString()}");
            });
        }
    }
}
