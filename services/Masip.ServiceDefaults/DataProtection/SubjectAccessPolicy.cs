using YamlDotNet.RepresentationModel;

namespace Masip.ServiceDefaults.DataProtection;

/// <summary>
/// How a data subject is found in what an agency stores and what a rights request may give back,
/// from the agreement's <c>subject_access</c> section (data, reviewed by each DPO, like the rules):
/// which stored property paths hold which class (<see cref="Fields"/>), and per role a person holds
/// in a record (victim, suspect) the paths that name them, the classes that are theirs (an erasure
/// clears them), and the classes withheld from them in a subject-access export with the legal basis
/// (a suspect never receives the victim's identity or contact details: DPA 2018 s45(4)(e)).
/// </summary>
public sealed record SubjectAccessPolicy(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Fields,
    IReadOnlyDictionary<string, SubjectRole> Roles)
{
    public static readonly SubjectAccessPolicy None = new(new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, SubjectRole>());

    /// <summary>The class a stored value's path holds ("Report.Victim.Name" ends with "victim.name"), or null.</summary>
    public string? ClassOf(IReadOnlyList<string> path)
    {
        string? best = null;
        var bestLength = 0;
        foreach (var (dataClass, paths) in Fields)
            foreach (var candidate in paths)
            {
                var length = PathMatch.Length(path, candidate);
                if (length > bestLength)
                    (best, bestLength) = (dataClass, length);
            }
        return best;
    }

    internal static SubjectAccessPolicy Read(YamlMappingNode node, IReadOnlySet<string> classes,
        Func<YamlNode, string, Exception> error)
    {
        var fields = new Dictionary<string, IReadOnlyList<string>>();
        var roles = new Dictionary<string, SubjectRole>();
        foreach (var (key, value) in node.Children)
        {
            var name = Scalar(key, error);
            switch (name)
            {
                case "fields":
                    if (value is not YamlMappingNode map)
                        throw error(value, "'fields' maps a class to the stored property paths that hold it");
                    foreach (var (classNode, pathsNode) in map.Children)
                        fields[Known(classNode, classes, error)] = Paths(pathsNode, error);
                    break;
                case "roles":
                    if (value is not YamlMappingNode roleMap)
                        throw error(value, "'roles' maps a subject's role (victim, suspect) to found_by, own, withhold and basis");
                    foreach (var (roleNode, body) in roleMap.Children)
                        roles[Scalar(roleNode, error)] = ReadRole(Scalar(roleNode, error), body, classes, error);
                    break;
                default:
                    throw error(key, $"unknown key '{name}' in subject_access (expected: fields, roles)");
            }
        }
        return new SubjectAccessPolicy(fields, roles);
    }

    private static SubjectRole ReadRole(string role, YamlNode node, IReadOnlySet<string> classes, Func<YamlNode, string, Exception> error)
    {
        if (node is not YamlMappingNode body)
            throw error(node, $"subject role '{role}' needs found_by, own, withhold and basis");
        IReadOnlyList<string> Get(string key, bool isClass)
        {
            if (!body.Children.TryGetValue(new YamlScalarNode(key), out var list))
                throw error(body, $"subject role '{role}': '{key}' is missing");
            return isClass ? [.. ((list as YamlSequenceNode) ?? throw error(list, $"'{key}' is a list")).Children.Select(c => Known(c, classes, error))]
                : Paths(list, error);
        }
        var basis = body.Children.TryGetValue(new YamlScalarNode("basis"), out var b) ? Scalar(b, error) : "";
        if (string.IsNullOrWhiteSpace(basis))
            throw error(body, $"subject role '{role}' has no legal basis for what it withholds ('basis')");
        return new SubjectRole(role, Get("found_by", false), Get("own", true), Get("withhold", true), basis);
    }

    private static IReadOnlyList<string> Paths(YamlNode node, Func<YamlNode, string, Exception> error) =>
        node is YamlSequenceNode list && list.Children.Count > 0
            ? [.. list.Children.Select(c => Scalar(c, error))]
            : throw error(node, "expected a list of property paths");

    private static string Known(YamlNode node, IReadOnlySet<string> classes, Func<YamlNode, string, Exception> error)
    {
        var name = Scalar(node, error);
        return classes.Contains(name) ? name : throw error(node, $"unknown class '{name}'");
    }

    private static string Scalar(YamlNode node, Func<YamlNode, string, Exception> error) =>
        node is YamlScalarNode { Value: { } value } ? value : throw error(node, "expected a single value");
}

/// <summary>One role a person holds in a record, as the agreement's subject_access section describes it.</summary>
public sealed record SubjectRole(string Name, IReadOnlyList<string> FoundBy, IReadOnlyList<string> Own, IReadOnlyList<string> Withhold, string Basis);

/// <summary>
/// Matching a stored value's path against a dotted pattern, at its end and case aside. A path starts
/// with the stored type's name (the event type, or the document type), so "PersonRegistered.name"
/// names one property of one event and "victim.name" the victim's name wherever it is nested.
/// </summary>
public static class PathMatch
{
    /// <summary>How many segments of <paramref name="pattern"/> match the end of <paramref name="path"/>; 0 when it does not.</summary>
    public static int Length(IReadOnlyList<string> path, string pattern)
    {
        var parts = pattern.Split('.');
        if (parts.Length > path.Count)
            return 0;
        for (var i = 0; i < parts.Length; i++)
            if (!string.Equals(Normal(parts[^(i + 1)]), Normal(path[path.Count - 1 - i]), StringComparison.OrdinalIgnoreCase))
                return 0;
        return parts.Length;
    }

    /// <summary>Segments compare case and underscores aside: Marten stores "person_registered" for PersonRegistered.</summary>
    private static string Normal(string segment) => segment.Contains('_') ? segment.Replace("_", "") : segment;

    public static bool Matches(IReadOnlyList<string> path, IEnumerable<string> patterns) => patterns.Any(p => Length(path, p) > 0);
}
