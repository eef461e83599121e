using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Masip.ServiceDefaults.Sharing;

/// <summary>The agreement file is wrong; the message names the line (DESIGN.md "Information sharing").</summary>
public sealed class AgreementException(string source, long line, string message)
    : Exception($"{source}, line {line}: {message}")
{
    public long Line { get; } = line;
}

public sealed record DataClassDefinition(string Name, bool Personal, string Description);

/// <summary>One rule: these roles may see these classes for these purposes, on this legal basis.</summary>
public sealed record SharingRule(
    IReadOnlySet<string> Roles, IReadOnlySet<string> Classes, IReadOnlySet<string> Purposes,
    string? Condition, string Basis, long Line);

public sealed record HoldingRule(IReadOnlySet<string> Agencies, IReadOnlySet<string> Classes, string Basis, long Line);

/// <summary>
/// The information-sharing agreement as data (deploy/sharing/agreement.yaml). Deny by default:
/// a role sees a class for a purpose only where a rule says so; a service holds a class in a
/// message it receives only where a holding rule says so.
/// </summary>
public sealed class SharingAgreement
{
    /// <summary>The one condition the agreement knows: the victim consented to the disclosure.</summary>
    public const string VictimConsent = "victim-consent";

    /// <summary>
    /// The services that send and receive integration messages (holding rules, [ReceivedBy]). The
    /// meetings service is run for all four agencies, so it is a service but not a party.
    /// </summary>
    public static readonly IReadOnlySet<string> Agencies = new HashSet<string> { "police", "probation", "nhs", "advocacy", "meetings" };

    private SharingAgreement(IReadOnlyDictionary<string, IReadOnlySet<string>> parties,
        IReadOnlyDictionary<string, DataClassDefinition> classes, IReadOnlySet<string> roles,
        IReadOnlySet<string> purposes, IReadOnlyList<SharingRule> rules, IReadOnlyList<HoldingRule> holding,
        DataProtection.SubjectAccessPolicy subjectAccess)
    {
        SubjectAccess = subjectAccess;
        Parties = parties;
        Classes = classes;
        Roles = roles;
        Purposes = purposes;
        Rules = rules;
        Holding = holding;
    }

    /// <summary>The agencies party to the agreement, each with the roles it gives its staff and systems.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Parties { get; }
    public IReadOnlyDictionary<string, DataClassDefinition> Classes { get; }
    public IReadOnlySet<string> Roles { get; }
    public IReadOnlySet<string> Purposes { get; }
    public IReadOnlyList<SharingRule> Rules { get; }
    public IReadOnlyList<HoldingRule> Holding { get; }

    /// <summary>Where personal data sits in stored records and what a rights request gives back (subject_access).</summary>
    public DataProtection.SubjectAccessPolicy SubjectAccess { get; }

    public bool IsPersonal(string dataClass) => !Classes.TryGetValue(dataClass, out var definition) || definition.Personal;

    /// <summary>
    /// May a caller in <paramref name="role"/> ("agency/role") see <paramref name="dataClass"/> for
    /// <paramref name="purpose"/>? A rule with the victim-consent condition counts only when the
    /// disclosing service knows the victim consented.
    /// </summary>
    public bool MaySee(string role, string dataClass, string purpose, bool victimConsented = false) =>
        Rules.Any(rule => rule.Classes.Contains(dataClass)
            && rule.Purposes.Contains(purpose)
            && MatchesRole(rule, role)
            && (rule.Condition is null || (rule.Condition == VictimConsent && victimConsented)));

    public bool MayHold(string agency, string dataClass) =>
        Holding.Any(rule => rule.Agencies.Contains(agency) && rule.Classes.Contains(dataClass));

    /// <summary>"police/auditor" is matched by rules naming "police/auditor" or "any/auditor".</summary>
    public static string AnyAgency(string role) => "any/" + role.Split('/', 2)[^1];

    private static bool MatchesRole(SharingRule rule, string role) =>
        rule.Roles.Contains(role) || rule.Roles.Contains(AnyAgency(role));

    public bool IsKnownRole(string role) => Roles.Contains(role) || Roles.Contains(AnyAgency(role));

    /// <summary>Is <paramref name="agency"/> a party to the agreement (a token's agency claim)?</summary>
    public bool IsParty(string agency) => Parties.ContainsKey(agency);

    /// <summary>Does the party <paramref name="agency"/> give its people the role <paramref name="role"/>?</summary>
    public bool PartyHasRole(string agency, string role) => Parties.TryGetValue(agency, out var roles) && roles.Contains(role);

    public static SharingAgreement LoadFile(string path)
    {
        if (!File.Exists(path))
            throw new AgreementException(path, 0, "the sharing agreement file does not exist");
        return Parse(File.ReadAllText(path), path);
    }

    public static SharingAgreement Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new AgreementException(source, e.Start.Line, "not valid YAML: " + e.Message);
        }
        catch (InvalidOperationException e)
        {
            throw new AgreementException(source, 0, "not valid YAML: " + e.Message);
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new AgreementException(source, 1, "expected one YAML document holding a mapping");
        return new Reader(source).Read(root);
    }

    private sealed class Reader(string source)
    {
        private static readonly string[] TopLevel = ["version", "agencies", "classes", "roles", "purposes", "rules", "holding", "subject_access"];
        private static readonly string[] RuleKeys = ["roles", "classes", "purposes", "condition", "basis"];
        private static readonly string[] HoldingKeys = ["agencies", "classes", "basis"];

        public SharingAgreement Read(YamlMappingNode root)
        {
            RejectUnknownKeys(root, TopLevel);
            var parties = ReadParties(Required<YamlMappingNode>(root, "agencies"));
            var classes = ReadClasses(Required<YamlMappingNode>(root, "classes"));
            var roles = ReadRoles(Required<YamlSequenceNode>(root, "roles"), parties);
            var purposes = ReadNames(Required<YamlSequenceNode>(root, "purposes"), "purpose");
            var rules = Required<YamlSequenceNode>(root, "rules").Children
                .Select(node => ReadRule(node, classes, roles, purposes)).ToList();
            var holding = root.Children.ContainsKey(new YamlScalarNode("holding"))
                ? Required<YamlSequenceNode>(root, "holding").Children.Select(node => ReadHolding(node, classes)).ToList()
                : [];
            var subjectAccess = root.Children.ContainsKey(new YamlScalarNode("subject_access"))
                ? DataProtection.SubjectAccessPolicy.Read(Required<YamlMappingNode>(root, "subject_access"), classes.Keys.ToHashSet(), Error)
                : DataProtection.SubjectAccessPolicy.None;
            return new SharingAgreement(parties, classes, roles, purposes, rules, holding, subjectAccess);
        }

        private Dictionary<string, IReadOnlySet<string>> ReadParties(YamlMappingNode node)
        {
            var parties = new Dictionary<string, IReadOnlySet<string>>();
            foreach (var (key, value) in node.Children)
            {
                var agency = Scalar(key, "agency");
                if (!Agencies.Contains(agency) || agency == "meetings")
                    throw Error(key, $"agency '{agency}' must be one of police, probation, nhs, advocacy");
                if (value is not YamlSequenceNode list)
                    throw Error(value, $"agency '{agency}' needs the list of its roles");
                var roles = ReadNames(list, "role");
                if (roles.Count == 0)
                    throw Error(value, $"agency '{agency}' has no roles");
                foreach (var child in list.Children)
                    if (Scalar(child, "role").Contains('/'))
                        throw Error(child, $"a role of agency '{agency}' is a plain name, without '/'");
                parties[agency] = roles;
            }
            return parties.Count > 0 ? parties : throw Error(node, "'agencies' is empty");
        }

        private Dictionary<string, DataClassDefinition> ReadClasses(YamlMappingNode node)
        {
            var classes = new Dictionary<string, DataClassDefinition>();
            foreach (var (key, value) in node.Children)
            {
                var name = Scalar(key, "class name");
                if (value is not YamlMappingNode body)
                    throw Error(value, $"class '{name}' needs 'personal' and 'description'");
                var personalText = Scalar(Required<YamlNode>(body, "personal"), "personal");
                if (!bool.TryParse(personalText, out var personal))
                    throw Error(body, $"class '{name}': personal must be true or false");
                classes[name] = new DataClassDefinition(name, personal, Scalar(Required<YamlNode>(body, "description"), "description"));
            }
            return classes;
        }

        // A rule's role is agency/role for a role that agency has, or any/role for a role some agency has.
        private HashSet<string> ReadRoles(YamlSequenceNode node, IReadOnlyDictionary<string, IReadOnlySet<string>> parties)
        {
            var roles = ReadNames(node, "role");
            foreach (var child in node.Children)
            {
                var role = Scalar(child, "role");
                var parts = role.Split('/', 2);
                if (parts.Length != 2 || (parts[0] != "any" && !parties.ContainsKey(parts[0])))
                    throw Error(child, $"role '{role}' must be agency/role with agency one of any, {string.Join(", ", parties.Keys)}");
                var held = parts[0] == "any" ? parties.Values.Any(r => r.Contains(parts[1])) : parties[parts[0]].Contains(parts[1]);
                if (!held)
                    throw Error(child, parts[0] == "any"
                        ? $"role '{role}': no agency has the role '{parts[1]}'"
                        : $"role '{role}': agency {parts[0]} has no role '{parts[1]}' (see 'agencies')");
            }
            return roles;
        }

        private SharingRule ReadRule(YamlNode node, IReadOnlyDictionary<string, DataClassDefinition> classes,
            IReadOnlySet<string> roles, IReadOnlySet<string> purposes)
        {
            if (node is not YamlMappingNode rule)
                throw Error(node, "a rule is a mapping with roles, classes, purposes and basis");
            RejectUnknownKeys(rule, RuleKeys);
            var ruleRoles = NamesIn(rule, "roles", roles, "role");
            var ruleClasses = NamesIn(rule, "classes", classes.Keys.ToHashSet(), "class");
            var rulePurposes = NamesIn(rule, "purposes", purposes, "purpose");
            string? condition = null;
            if (rule.Children.TryGetValue(new YamlScalarNode("condition"), out var conditionNode))
            {
                condition = Scalar(conditionNode, "condition");
                if (condition != VictimConsent)
                    throw Error(conditionNode, $"unknown condition '{condition}' (known: {VictimConsent})");
            }
            return new SharingRule(ruleRoles, ruleClasses, rulePurposes, condition, Basis(rule), rule.Start.Line);
        }

        private HoldingRule ReadHolding(YamlNode node, IReadOnlyDictionary<string, DataClassDefinition> classes)
        {
            if (node is not YamlMappingNode rule)
                throw Error(node, "a holding rule is a mapping with agencies, classes and basis");
            RejectUnknownKeys(rule, HoldingKeys);
            return new HoldingRule(NamesIn(rule, "agencies", Agencies, "agency"),
                NamesIn(rule, "classes", classes.Keys.ToHashSet(), "class"), Basis(rule), rule.Start.Line);
        }

        private string Basis(YamlMappingNode rule)
        {
            if (!rule.Children.TryGetValue(new YamlScalarNode("basis"), out var basisNode))
                throw Error(rule, "the rule has no legal basis ('basis')");
            var basis = Scalar(basisNode, "basis");
            return string.IsNullOrWhiteSpace(basis) ? throw Error(basisNode, "the legal basis is empty") : basis;
        }

        private HashSet<string> NamesIn(YamlMappingNode rule, string key, IReadOnlySet<string> known, string what)
        {
            var list = Required<YamlSequenceNode>(rule, key);
            var names = new HashSet<string>();
            foreach (var child in list.Children)
            {
                var name = Scalar(child, what);
                if (!known.Contains(name))
                    throw Error(child, $"unknown {what} '{name}'");
                names.Add(name);
            }
            return names.Count > 0 ? names : throw Error(list, $"'{key}' is empty");
        }

        private HashSet<string> ReadNames(YamlSequenceNode node, string what)
        {
            var names = new HashSet<string>();
            foreach (var child in node.Children)
                if (!names.Add(Scalar(child, what)))
                    throw Error(child, $"{what} '{Scalar(child, what)}' is declared twice");
            return names;
        }

        private T Required<T>(YamlMappingNode node, string key) where T : YamlNode
        {
            if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
                throw Error(node, $"'{key}' is missing");
            return value as T ?? throw Error(value, $"'{key}' has the wrong shape");
        }

        private string Scalar(YamlNode node, string what) =>
            node is YamlScalarNode { Value: { } value } ? value : throw Error(node, $"expected a single {what}");

        private void RejectUnknownKeys(YamlMappingNode node, string[] known)
        {
            foreach (var key in node.Children.Keys)
                if (key is YamlScalarNode { Value: { } name } && !known.Contains(name))
                    throw Error(key, $"unknown key '{name}' (expected: {string.Join(", ", known)})");
        }

        private AgreementException Error(YamlNode node, string message) => new(source, node.Start.Line, message);
    }
}
