using System.Text.Json.Nodes;
using Npgsql;

namespace Masip.ServiceDefaults.DataProtection;

/// <summary>One stored event or document, as its JSON, with what the export says of it.</summary>
public sealed record StoredRecord(
    string Kind,          // "event" | "document"
    string Type,          // the event type ("crime_report_imported") or the document type ("StacCase")
    string Id,            // the event's sequence or the document's id
    Guid? StreamId,
    long? Version,
    DateTimeOffset? At,
    JsonNode? Data)
{
    /// <summary>The stored type's name as the first segment of every path in it (see PathMatch).</summary>
    public string Root => Type.Contains('.') ? Type[(Type.LastIndexOf('.') + 1)..].Replace('+', '.') : Type;
}

/// <summary>
/// Reads a service's own event store and documents (Marten's tables in the "masip" schema) as
/// JSON, a page at a time: the events and documents that mention a term, the events of some
/// streams, the documents with some ids or mentioning some ids. Rights requests are rare and
/// must find everything, so these are scans, paged by sequence (events) or id (documents).
/// The disclosure audit is read apart (<see cref="AuditEvents"/>): it is never rewritten.
/// </summary>
public sealed class StoredRecords(NpgsqlConnection connection, CancellationToken ct)
{
    public const string Schema = "masip";
    public const string AuditEventType = "disclosure_recorded";
    public const int PageSize = 500;

    /// <summary>Marten's document tables except the audit's own chain (links and heads) and the exports.</summary>
    public async Task<IReadOnlyList<string>> DocumentTables(bool includeExports = false)
    {
        var tables = new List<string>();
        await using var command = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = @schema and table_name like 'mt_doc_%' order by table_name", connection);
        command.Parameters.AddWithValue("schema", Schema);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            tables.Add(reader.GetString(0));
        return [.. tables.Where(t => t is not ("mt_doc_auditlink" or "mt_doc_audithead")
            && (includeExports || t != "mt_doc_subjectaccessexport"))];
    }

    /// <summary>The ids of the streams with an event mentioning any of <paramref name="terms"/> (case aside), paged by sequence.</summary>
    public async Task<IReadOnlySet<Guid>> StreamsMentioning(IReadOnlyCollection<string> terms)
    {
        var streams = new HashSet<Guid>();
        long after = 0;
        while (true)
        {
            await using var command = new NpgsqlCommand(
                $"select seq_id, stream_id from {Schema}.mt_events where seq_id > @after and type <> @audit " +
                "and data::text ilike any(@patterns) order by seq_id limit @size", connection);
            command.Parameters.AddWithValue("after", after);
            command.Parameters.AddWithValue("audit", AuditEventType);
            command.Parameters.AddWithValue("patterns", Patterns(terms));
            command.Parameters.AddWithValue("size", PageSize);
            var count = 0;
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                {
                    after = reader.GetInt64(0);
                    streams.Add(reader.GetGuid(1));
                    count++;
                }
            if (count < PageSize)
                return streams;
        }
    }

    /// <summary>Every event of <paramref name="streams"/> (not the audit's), in stream then version order, paged by sequence.</summary>
    public async Task<IReadOnlyList<StoredRecord>> EventsOf(IReadOnlyCollection<Guid> streams)
    {
        var events = new List<StoredRecord>();
        if (streams.Count == 0)
            return events;
        long after = 0;
        while (true)
        {
            await using var command = new NpgsqlCommand(
                $"select seq_id, stream_id, version, type, timestamp, data::text from {Schema}.mt_events " +
                "where seq_id > @after and stream_id = any(@streams) and type <> @audit order by seq_id limit @size", connection);
            command.Parameters.AddWithValue("after", after);
            command.Parameters.AddWithValue("streams", streams.ToArray());
            command.Parameters.AddWithValue("audit", AuditEventType);
            command.Parameters.AddWithValue("size", PageSize);
            var count = 0;
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                {
                    after = reader.GetInt64(0);
                    events.Add(new StoredRecord("event", reader.GetString(3), after.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        reader.GetGuid(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(4), JsonNode.Parse(reader.GetString(5))));
                    count++;
                }
            if (count < PageSize)
                return [.. events.OrderBy(e => e.StreamId).ThenBy(e => e.Version)];
        }
    }

    /// <summary>Documents (of every table but the audit's) whose id is one of <paramref name="ids"/> or whose JSON mentions any of <paramref name="terms"/>; paged by id.</summary>
    public async Task<IReadOnlyList<StoredRecord>> Documents(IReadOnlyCollection<string> ids, IReadOnlyCollection<string> terms)
    {
        var documents = new List<StoredRecord>();
        foreach (var table in await DocumentTables())
        {
            string? after = null;
            while (true)
            {
                await using var command = new NpgsqlCommand(
                    $"select id::text, mt_dotnet_type, data::text from {Schema}.{table} " +
                    "where (@after::text is null or id::text > @after) and (id::text = any(@ids) or data::text ilike any(@patterns)) " +
                    "order by id::text limit @size", connection);
                command.Parameters.AddWithValue("after", (object?)after ?? DBNull.Value);
                command.Parameters.AddWithValue("ids", ids.ToArray());
                command.Parameters.AddWithValue("patterns", Patterns(terms));
                command.Parameters.AddWithValue("size", PageSize);
                var count = 0;
                await using (var reader = await command.ExecuteReaderAsync(ct))
                    while (await reader.ReadAsync(ct))
                    {
                        after = reader.GetString(0);
                        var type = reader.IsDBNull(1) ? table["mt_doc_".Length..] : reader.GetString(1);
                        documents.Add(new StoredRecord("document", type, after, null, null, null, JsonNode.Parse(reader.GetString(2))));
                        count++;
                    }
                if (count < PageSize)
                    break;
            }
        }
        return documents;
    }

    /// <summary>The disclosure audit entries that name any of <paramref name="ids"/>, oldest first, paged by sequence.</summary>
    public async Task<IReadOnlyList<StoredRecord>> AuditEvents(IReadOnlyCollection<string> ids)
    {
        var entries = new List<StoredRecord>();
        if (ids.Count == 0)
            return entries;
        long after = 0;
        while (true)
        {
            await using var command = new NpgsqlCommand(
                $"select seq_id, stream_id, timestamp, data::text from {Schema}.mt_events where seq_id > @after and type = @audit " +
                "and data::text ilike any(@patterns) order by seq_id limit @size", connection);
            command.Parameters.AddWithValue("after", after);
            command.Parameters.AddWithValue("audit", AuditEventType);
            command.Parameters.AddWithValue("patterns", Patterns(ids));
            command.Parameters.AddWithValue("size", PageSize);
            var count = 0;
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                {
                    after = reader.GetInt64(0);
                    entries.Add(new StoredRecord("audit", AuditEventType, after.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        reader.GetGuid(1), 1, reader.GetFieldValue<DateTimeOffset>(2), JsonNode.Parse(reader.GetString(3))));
                    count++;
                }
            if (count < PageSize)
                return entries;
        }
    }

    /// <summary>ILIKE patterns for "contains the term", with the term's own wildcards escaped.</summary>
    public static string[] Patterns(IEnumerable<string> terms) =>
        [.. terms.Where(t => t.Length > 0).Select(t => "%" + t.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%")];
}
