using System.Text;

namespace Masip.ServiceDefaults.Errors;

/// <summary>The one way to say a named record does not exist: NotFound, naming the request field.</summary>
public static class NotFound
{
    public static RecordNotFoundException For<T>(string field, object id) => For(typeof(T), field, id);

    public static RecordNotFoundException For(Type type, string field, object id) => new(field, $"no {Describe(type)} {id}");

    /// <summary>"StacCase" → "stac case": the record's name as a reader says it.</summary>
    public static string Describe(Type type)
    {
        var name = type.Name;
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
                text.Append(' ');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
