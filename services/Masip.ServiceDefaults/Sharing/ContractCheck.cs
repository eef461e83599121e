using System.Reflection;
using Google.Protobuf.Reflection;
using Masip.Contracts.Messages;

namespace Masip.ServiceDefaults.Sharing;

/// <summary>
/// Nothing leaves an agency unclassified: every method states roles and purposes the agreement
/// knows, every reply field carries a known data class, and every integration message carries
/// only classes that every service receiving it may hold. Run at start and by tests.
/// </summary>
public static class ContractCheck
{
    /// <summary>Ids, references, kinds and times: the metadata of a record, not a datum about a person.</summary>
    private const string RecordMeta = "record.meta";

    public static IReadOnlyList<string> Methods(IEnumerable<MethodDescriptor> methods, SharingAgreement agreement)
    {
        var problems = new List<string>();
        foreach (var method in methods)
        {
            var name = $"{method.Service.FullName}/{method.Name}";
            var roles = ContractCatalog.AllowedRoles(method);
            var purposes = ContractCatalog.Purposes(method);
            if (roles.Count == 0)
                problems.Add($"{name}: no (masip.allowed_roles)");
            problems.AddRange(roles.Where(r => !agreement.Roles.Contains(r)).Select(r => $"{name}: unknown role '{r}'"));
            // A system account acts for its own agency only: "any/service" would let any agency's system write here.
            problems.AddRange(roles.Where(r => r == "any/service").Select(r => $"{name}: '{r}' names no agency; name the service account's agency"));
            if (purposes.Count == 0)
                problems.Add($"{name}: no (masip.purposes)");
            problems.AddRange(purposes.Where(p => !agreement.Purposes.Contains(p)).Select(p => $"{name}: unknown purpose '{p}'"));
            if (method.OutputType.FindFieldByName(ResponseFilter.WithheldField) is not { IsRepeated: true, FieldType: FieldType.String })
                problems.Add($"{method.OutputType.FullName}: no 'repeated string {ResponseFilter.WithheldField}' to mark what was withheld");
            CheckFields(method.OutputType, agreement, problems, []);
        }
        return problems;
    }

    private static void CheckFields(MessageDescriptor message, SharingAgreement agreement, List<string> problems, HashSet<string> seen)
    {
        if (!seen.Add(message.FullName))
            return;
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            var dataClass = ContractCatalog.DataClass(field);
            if (dataClass is null)
                problems.Add($"{message.FullName}.{field.Name}: no (masip.data_class)");
            else if (!agreement.Classes.ContainsKey(dataClass))
                problems.Add($"{message.FullName}.{field.Name}: unknown data class '{dataClass}'");
            if (field.FieldType == FieldType.Message && !field.IsMap)
                CheckFields(field.MessageType, agreement, problems, seen);
        }
    }

    /// <summary>The integration message types of <paramref name="assembly"/>: records marked [ReceivedBy].</summary>
    public static IEnumerable<Type> MessageTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.GetCustomAttribute<ReceivedByAttribute>() is not null);

    public static IReadOnlyList<string> Message(Type messageType, SharingAgreement agreement)
    {
        var problems = new List<string>();
        var receivers = messageType.GetCustomAttribute<ReceivedByAttribute>()?.Agencies ?? [];
        if (receivers.Count == 0)
            problems.Add($"{messageType.Name}: no [ReceivedBy] naming the services that consume it");
        foreach (var receiver in receivers.Where(r => !SharingAgreement.Agencies.Contains(r)))
            problems.Add($"{messageType.Name}: unknown receiver '{receiver}'");
        foreach (var (name, dataClass) in Fields(messageType))
        {
            if (dataClass is null)
            {
                problems.Add($"{messageType.Name}.{name}: no [DataClass]");
                continue;
            }
            if (!agreement.Classes.ContainsKey(dataClass))
            {
                problems.Add($"{messageType.Name}.{name}: unknown data class '{dataClass}'");
                continue;
            }
            foreach (var receiver in receivers.Where(r => !agreement.MayHold(r, dataClass)))
                problems.Add($"{messageType.Name}.{name}: {receiver} may not hold '{dataClass}'");
        }
        return problems;
    }

    /// <summary>
    /// One class for one datum: every field of a message that is not record.meta names the reply
    /// fields that serve the same datum ([ServedAs]) or says why none does ([NotServed]); each
    /// named reply field exists and carries the message field's data class.
    /// </summary>
    public static IReadOnlyList<string> ServedAs(Type messageType, IReadOnlyDictionary<string, FieldDescriptor> replyFields)
    {
        var problems = new List<string>();
        foreach (var (name, dataClass, served, notServed) in Declarations(messageType))
        {
            if (served.Count == 0 && notServed is null && dataClass is not (null or RecordMeta))
                problems.Add($"{messageType.Name}.{name}: '{dataClass}' with no [ServedAs] naming the reply fields that serve it, nor [NotServed]");
            foreach (var path in served)
            {
                if (!replyFields.TryGetValue(path, out var field))
                    problems.Add($"{messageType.Name}.{name}: [ServedAs(\"{path}\")] names no proto field");
                else if (ContractCatalog.DataClass(field) is var replyClass && replyClass != dataClass)
                    problems.Add($"{messageType.Name}.{name}: '{dataClass}' but {path} serves it as '{replyClass}'");
            }
        }
        return problems;
    }

    /// <summary>Every field of every message in the contracts, by "package.Message.field".</summary>
    public static IReadOnlyDictionary<string, FieldDescriptor> ProtoFields(IEnumerable<FileDescriptor> files)
    {
        static IEnumerable<MessageDescriptor> WithNested(MessageDescriptor m) => m.NestedTypes.SelectMany(WithNested).Prepend(m);
        return files.SelectMany(f => f.MessageTypes).SelectMany(WithNested).SelectMany(m => m.Fields.InFieldNumberOrder())
            .ToDictionary(f => f.FullName);
    }

    /// <summary>
    /// What each field of a message record declares (its primary constructor's parameters, else its
    /// properties; a parameter's labels may also sit on its property).
    /// </summary>
    private static IEnumerable<(string Name, string? DataClass, IReadOnlyList<string> ServedAs, string? NotServed)> Declarations(Type messageType)
    {
        var constructor = messageType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        IEnumerable<ICustomAttributeProvider> members = constructor is { } ctor && ctor.GetParameters().Length > 0
            ? ctor.GetParameters()
            : messageType.GetProperties();
        foreach (var member in members)
        {
            var name = member is ParameterInfo p ? p.Name! : ((PropertyInfo)member).Name;
            var property = messageType.GetProperty(name);
            T[] Attributes<T>() where T : Attribute => [.. member.GetCustomAttributes(typeof(T), false).Cast<T>(),
                .. (member is ParameterInfo && property is not null ? property.GetCustomAttributes<T>() : [])];
            yield return (name,
                Attributes<DataClassAttribute>().FirstOrDefault()?.Name,
                Attributes<ServedAsAttribute>().Select(a => a.Field).ToList(),
                Attributes<NotServedAttribute>().FirstOrDefault()?.Why);
        }
    }

    /// <summary>The labelled fields of a message record (its primary constructor's parameters, else its properties).</summary>
    public static IEnumerable<(string Name, string? DataClass)> Fields(Type messageType) =>
        Declarations(messageType).Select(d => (d.Name, d.DataClass));

    /// <summary>The subjects a message is about, from its [Subject] parameters.</summary>
    public static IReadOnlyList<(string Kind, string Id)> Subjects(object message)
    {
        var type = message.GetType();
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.GetParameters()
            .Select(p => (Kind: p.GetCustomAttribute<SubjectAttribute>()?.Kind, Value: type.GetProperty(p.Name!)?.GetValue(message)))
            .Where(s => s.Kind is not null && s.Value is not null)
            .Select(s => (s.Kind!, s.Value!.ToString()!))
            .ToList();
    }
}
