using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Masip.ServiceDefaults.Matching;
using Npgsql;

namespace Masip.ServiceDefaults.DataProtection;

/// <summary>What an erasure changed: counts only (what was erased is gone).</summary>
public sealed record ErasureResult(int Records, int Values, int RowsRewritten, IReadOnlyList<string> Classes, IReadOnlyList<Guid> Streams);

/// <summary>
/// Erasure (UK GDPR Art. 17; DPA 2018 s47): the person's own data (the classes the agreement lists
/// under "own" for the role they hold in each record) is collected from the records
/// <see cref="SubjectFinder"/> found, and every occurrence of those values, and of their NameKey
/// forms, is rewritten to "[erased]" in every table of the agency's database: the event store (as
/// Marten's event data masking does, in place), every projection and document (duplicated columns
/// too), the inbox, parked messages and earlier subject-access exports. The disclosure audit is
/// left as it is: it holds ids, classes and who saw them, never the values, and its MACs and chain
/// must still verify; so ids and the fact of every disclosure stay. Runs inside the command's
/// transaction: all of it, or none.
/// </summary>
public static class SubjectErasure
{
    public const string Erased = "[erased]";

    public static async Task<ErasureResult> Erase(NpgsqlConnection connection, SubjectAccessPolicy policy, DataSubject subject,
        SubjectHoldings holdings, CancellationToken ct)
    {
        var values = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { subject.Name };
        var inPlace = new HashSet<string>(StringComparer.Ordinal);
        if (subject.Key.Length >= 3)
            values.Add(subject.Key);
        var classes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (record, roles) in holdings.Records)
        {
            var own = roles.SelectMany(r => policy.Roles.TryGetValue(r, out var role) ? role.Own : []).ToHashSet();
            StoredJson.Walk(record.Data, [record.Root], (path, value, _) =>
            {
                if (policy.ClassOf(path) is not { } dataClass || !own.Contains(dataClass) || StoredJson.Text(value) is not { } text
                    || text.Contains(Erased, StringComparison.Ordinal))
                    return;
                classes.Add(dataClass);
                // Only what names the person wherever it appears is hunted through every table (see Distinctive);
                // their sex or age band is not a value to erase from other people's records.
                if (!SubjectAccessExportBuilder.Distinctive(text) || IsoDate.IsMatch(text))
                {
                    inPlace.Add(text);
                    return;
                }
                values.Add(text);
                if (NameKey.For(text) is { } key && SubjectAccessExportBuilder.Distinctive(key))
                    values.Add(key);
            });
        }
        // A date of birth, a sex or an age band is erased only where it sits at one of the person's own
        // paths in a record that also names them: the same value elsewhere is someone else's.
        var dates = inPlace;
        var ownClasses = policy.Roles.Values.SelectMany(r => r.Own).ToHashSet();
        var rewrite = new Rewriting(SubjectAccessExportBuilder.Scrubber(values)!, dates, policy, ownClasses);
        var rows = 0;
        foreach (var (table, columns) in await TextColumns(connection, ct))
            rows += await Rewrite(connection, table, columns, values, rewrite, ct);
        return new ErasureResult(holdings.Records.Count, values.Count, rows, [.. classes], [.. holdings.Streams.Order()]);
    }

    private static readonly Regex IsoDate = new(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant);

    private sealed record Rewriting(Regex Scrub, IReadOnlySet<string> Dates, SubjectAccessPolicy Policy, IReadOnlySet<string> OwnClasses);

    // Every table of the database with a text or JSON column, the audit's own chain aside.
    private static async Task<List<(string Table, List<(string Name, string Type)> Columns)>> TextColumns(NpgsqlConnection connection, CancellationToken ct)
    {
        var tables = new Dictionary<string, List<(string, string)>>();
        await using var command = new NpgsqlCommand("""
            select quote_ident(table_schema) || '.' || quote_ident(table_name), quote_ident(column_name), data_type
            from information_schema.columns c
            where table_schema not in ('pg_catalog', 'information_schema')
              and data_type in ('text', 'character varying', 'jsonb', 'json')
              and exists (select 1 from information_schema.tables t where t.table_schema = c.table_schema
                          and t.table_name = c.table_name and t.table_type = 'BASE TABLE')
              and table_name not in ('mt_doc_auditlink', 'mt_doc_audithead')
            order by 1, 2
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            (tables.TryGetValue(reader.GetString(0), out var list) ? list : tables[reader.GetString(0)] = []).Add((reader.GetString(1), reader.GetString(2)));
        return [.. tables.Select(t => (t.Key, t.Value))];
    }

    private static async Task<int> Rewrite(NpgsqlConnection connection, string table, List<(string Name, string Type)> columns,
        IReadOnlyCollection<string> values, Rewriting rewriting, CancellationToken ct)
    {
        // The audit's entries live in the event store too: never rewritten (their MACs cover them).
        var isEvents = table.EndsWith(".mt_events", StringComparison.Ordinal);
        var scrub = rewriting.Scrub;
        // The stored type names the root of each value's path (see PathMatch), where the table keeps it.
        var typeColumn = isEvents ? "type" : columns.Any(c => c.Name == "mt_dotnet_type") ? "mt_dotnet_type" : "null";
        var matches = string.Join(" or ", columns.Select(c => $"{c.Name}::text ilike any(@patterns)"));
        var select = $"select ctid::text, {typeColumn}::text, {string.Join(", ", columns.Select(c => c.Name + "::text"))} from {table} where ({matches})"
            + (isEvents ? $" and type <> '{StoredRecords.AuditEventType}'" : "");
        var changes = new List<(string Ctid, string?[] Values)>();
        await using (var command = new NpgsqlCommand(select, connection))
        {
            command.Parameters.AddWithValue("patterns", StoredRecords.Patterns(values));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var updated = new string?[columns.Count];
                var changed = false;
                for (var i = 0; i < columns.Count; i++)
                {
                    if (reader.IsDBNull(i + 2))
                        continue;
                    var text = reader.GetString(i + 2);
                    var root = reader.IsDBNull(1) ? "" : reader.GetString(1);
                    root = root.Contains('.') ? root[(root.LastIndexOf('.') + 1)..] : root;
                    var rewritten = columns[i].Type is "jsonb" or "json" ? RewriteJson(text, root, rewriting) : scrub.Replace(text, Erased);
                    if (rewritten != text)
                        (updated[i], changed) = (rewritten, true);
                }
                if (changed)
                    changes.Add((reader.GetString(0), updated));
            }
        }
        foreach (var (ctid, updated) in changes)
        {
            var sets = columns.Select((c, i) => (c, i)).Where(x => updated[x.i] is not null)
                .Select(x => $"{x.c.Name} = @v{x.i}" + (x.c.Type is "jsonb" or "json" ? $"::{x.c.Type}" : "")).ToList();
            await using var update = new NpgsqlCommand($"update {table} set {string.Join(", ", sets)} where ctid = @ctid::tid", connection);
            update.Parameters.AddWithValue("ctid", ctid);
            for (var i = 0; i < columns.Count; i++)
                if (updated[i] is { } value)
                    update.Parameters.AddWithValue($"v{i}", value);
            await update.ExecuteNonQueryAsync(ct);
        }
        return changes.Count;
    }

    // Values inside JSON strings are rewritten as strings (a name inside a parked message's body too); the JSON stays valid.
    private static string RewriteJson(string json, string root, Rewriting rewriting)
    {
        var scrub = rewriting.Scrub;
        var namesSubject = scrub.IsMatch(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return scrub.Replace(json, Erased);
        }
        if (node is JsonValue single)
            return single.GetValueKind() == JsonValueKind.String ? JsonValue.Create(scrub.Replace(single.GetValue<string>(), Erased)).ToJsonString() : json;
        var changed = false;
        StoredJson.Rewrite(node, root.Length > 0 ? [root] : [], (path, v) =>
        {
            if (v.GetValueKind() != JsonValueKind.String)
                return null;
            var text = v.GetValue<string>();
            var replaced = namesSubject && rewriting.Dates.Contains(text)
                && rewriting.Policy.ClassOf(path) is { } dataClass && rewriting.OwnClasses.Contains(dataClass)
                ? Erased
                : scrub.Replace(text, Erased);
            if (replaced == text)
                return null;
            changed = true;
            return replaced;
        });
        return changed ? node!.ToJsonString() : json;
    }
}
