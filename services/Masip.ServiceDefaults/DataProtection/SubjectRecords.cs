using System.Text.Json;
using System.Text.Json.Nodes;
using Masip.ServiceDefaults.Matching;
using Npgsql;

namespace Masip.ServiceDefaults.DataProtection;

/// <summary>The person a rights request is about, as they identified themselves.</summary>
public sealed record DataSubject(string Name, DateOnly? DateOfBirth)
{
    public string Key => NameKey.For(Name);

    /// <summary>The word of the name the stores are searched for (the longest: rarest), before the NameKey check.</summary>
    public string SearchTerm => Key.Split(' ').OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).First();
}

/// <summary>What one agency holds about a subject: each record with the roles the subject holds in it.</summary>
public sealed record SubjectHoldings(
    IReadOnlyList<(StoredRecord Record, IReadOnlySet<string> Roles)> Records,
    IReadOnlyList<StoredRecord> Disclosures)
{
    public IReadOnlySet<Guid> Streams => Records.Select(r => r.Record.StreamId).OfType<Guid>().ToHashSet();
}

/// <summary>
/// Finds everything an agency holds about a person (DESIGN.md "auditor / data-protection officer"):
/// the streams in which the person holds a role (found by the role's found_by paths, the name
/// compared by NameKey and, when both give one, the date of birth beside it), every event of those
/// streams, the documents that are those streams' read models or name them or the person, and the
/// disclosure audit entries about them. The same finding serves the export and the erasure.
/// </summary>
public static class SubjectFinder
{
    public static async Task<SubjectHoldings> Find(NpgsqlConnection connection, SubjectAccessPolicy policy, DataSubject subject, CancellationToken ct)
    {
        var stored = new StoredRecords(connection, ct);
        var candidates = await stored.StreamsMentioning([subject.SearchTerm]);
        var events = await stored.EventsOf(candidates);
        var roles = new Dictionary<Guid, HashSet<string>>();
        foreach (var e in events)
            foreach (var role in RolesIn(e, policy, subject))
                (roles.TryGetValue(e.StreamId!.Value, out var set) ? set : roles[e.StreamId!.Value] = []).Add(role);

        var records = new List<(StoredRecord, IReadOnlySet<string>)>();
        records.AddRange(events.Where(e => roles.ContainsKey(e.StreamId!.Value)).Select(e => (e, (IReadOnlySet<string>)roles[e.StreamId!.Value])));
        var ids = roles.Keys.Select(id => id.ToString()).ToList();
        foreach (var document in await stored.Documents(ids, [subject.SearchTerm, .. ids]))
        {
            var own = RolesIn(document, policy, subject).ToHashSet();
            var text = document.Data?.ToJsonString() ?? "";
            foreach (var (stream, streamRoles) in roles)
                if (document.Id == stream.ToString() || text.Contains(stream.ToString(), StringComparison.OrdinalIgnoreCase))
                    own.UnionWith(streamRoles);
            if (own.Count > 0)
                records.Add((document, own));
        }
        var audit = await stored.AuditEvents(ids);
        return new SubjectHoldings(records, audit);
    }

    /// <summary>The roles the subject holds in one record: a found_by path whose name is theirs (and the date of birth beside it, when given).</summary>
    public static IEnumerable<string> RolesIn(StoredRecord record, SubjectAccessPolicy policy, DataSubject subject)
    {
        var found = new HashSet<string>();
        StoredJson.Walk(record.Data, [record.Root], (path, value, parent) =>
        {
            if (value.GetValueKind() != JsonValueKind.String)
                return;
            foreach (var role in policy.Roles.Values)
                if (PathMatch.Matches(path, role.FoundBy) && Best(policy, path) == role
                    && NameKey.For(value.GetValue<string>()) == subject.Key && SameBirth(parent, subject))
                    found.Add(role.Name);
        });
        return found;
    }

    // A path can match more than one role's found_by ("name" under "victim" and a bare "name"): the longest match decides.
    private static SubjectRole? Best(SubjectAccessPolicy policy, IReadOnlyList<string> path) =>
        policy.Roles.Values.Select(r => (Role: r, Length: r.FoundBy.Max(p => PathMatch.Length(path, p))))
            .Where(r => r.Length > 0).OrderByDescending(r => r.Length).Select(r => r.Role).FirstOrDefault();

    private static bool SameBirth(JsonObject? parent, DataSubject subject)
    {
        if (subject.DateOfBirth is not { } dob || parent is null)
            return true;
        var stored = parent.FirstOrDefault(p => p.Key.Replace("_", "").Contains("dateofbirth", StringComparison.OrdinalIgnoreCase)).Value;
        return stored is not JsonValue v || v.GetValueKind() != JsonValueKind.String
            || v.GetValue<string>().StartsWith(dob.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}

/// <summary>Walking and rewriting stored JSON by the path of each value.</summary>
public static class StoredJson
{
    /// <summary>Calls <paramref name="visit"/> for every value (not object or array), with its path (array items keep their parent's name) and its object.</summary>
    public static void Walk(JsonNode? node, List<string> path, Action<IReadOnlyList<string>, JsonValue, JsonObject?> visit, JsonObject? parent = null)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    path.Add(key);
                    Walk(child, path, visit, obj);
                    path.RemoveAt(path.Count - 1);
                }
                break;
            case JsonArray array:
                foreach (var item in array.ToList())
                    Walk(item, path, visit, parent);
                break;
            case JsonValue value:
                visit(path, value, parent);
                break;
        }
    }

    /// <summary>Replaces, in place, every value <paramref name="rewrite"/> returns a new string for (null: keep).</summary>
    public static void Rewrite(JsonNode? node, List<string> path, Func<IReadOnlyList<string>, JsonValue, string?> rewrite)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    path.Add(key);
                    if (child is JsonValue v)
                    {
                        if (rewrite(path, v) is { } replacement)
                            obj[key] = replacement;
                    }
                    else
                        Rewrite(child, path, rewrite);
                    path.RemoveAt(path.Count - 1);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue v)
                    {
                        if (rewrite(path, v) is { } replacement)
                            array[i] = replacement;
                    }
                    else
                        Rewrite(array[i], path, rewrite);
                }
                break;
        }
    }

    public static string? Text(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };
}
