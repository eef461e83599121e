using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Masip.ServiceDefaults.Sharing;

/// <summary>What a reply disclosed once filtered: the personal classes, the subjects, and what was withheld.</summary>
public sealed record FilterResult(
    IReadOnlyList<string> Withheld,
    IReadOnlySet<string> DisclosedClasses,
    IReadOnlyList<(string Kind, string Id)> Subjects);

/// <summary>
/// Applies the agreement to a reply: a field the caller may not see is cleared and its path
/// listed in the reply's withheld_fields ("victim_phone", "referrals[2].victim_email"), so a
/// reader knows something was withheld rather than reading an empty value as the truth.
/// </summary>
public static class ResponseFilter
{
    public const string WithheldField = "withheld_fields";

    public static FilterResult Apply(IMessage reply, Func<string, bool> maySee, Func<string, bool> isPersonal)
    {
        var withheld = new List<string>();
        var disclosed = new HashSet<string>();
        var subjects = new List<(string, string)>();
        Walk(reply, "", maySee, isPersonal, withheld, disclosed, subjects);

        var marker = reply.Descriptor.FindFieldByName(WithheldField);
        if (marker is { IsRepeated: true, FieldType: FieldType.String })
        {
            var list = (IList)marker.Accessor.GetValue(reply);
            list.Clear();
            foreach (var path in withheld)
                list.Add(path);
        }
        return new FilterResult(withheld, disclosed, subjects);
    }

    private static void Walk(IMessage message, string prefix, Func<string, bool> maySee, Func<string, bool> isPersonal,
        List<string> withheld, HashSet<string> disclosed, List<(string, string)> subjects)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.Name == WithheldField && prefix.Length == 0)
                continue;
            var value = field.Accessor.GetValue(message);
            if (IsEmpty(field, value))
                continue;

            // An unlabelled field is withheld: nothing leaves unclassified.
            var dataClass = ContractCatalog.DataClass(field);
            if (dataClass is null || !maySee(dataClass))
            {
                field.Accessor.Clear(message);
                withheld.Add(prefix + field.Name);
                continue;
            }
            if (isPersonal(dataClass))
                disclosed.Add(dataClass);
            if (ContractCatalog.SubjectKind(field) is { } kind && !field.IsRepeated)
                subjects.Add((kind, value.ToString()!));

            if (field.FieldType != FieldType.Message || field.IsMap)
                continue;
            if (field.IsRepeated)
            {
                var index = 0;
                foreach (IMessage item in (IList)value)
                    Walk(item, $"{prefix}{field.Name}[{index++}].", maySee, isPersonal, withheld, disclosed, subjects);
            }
            else
            {
                Walk((IMessage)value, $"{prefix}{field.Name}.", maySee, isPersonal, withheld, disclosed, subjects);
            }
        }
    }

    private static bool IsEmpty(FieldDescriptor field, object? value) => value switch
    {
        null => true,
        IList list => list.Count == 0,
        IDictionary map => map.Count == 0,
        string text => text.Length == 0,
        ByteString bytes => bytes.IsEmpty,
        bool flag => !flag && !field.HasPresence,
        int or long or uint or ulong or double or float => Convert.ToDouble(value) == 0 && !field.HasPresence,
        Enum e => Convert.ToInt32(e) == 0 && !field.HasPresence,
        _ => false,
    };
}
