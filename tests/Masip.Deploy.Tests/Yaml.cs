using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Masip.Deploy.Tests;

/// <summary>
/// YAML as plain data: a mapping is a Dictionary&lt;string, object?&gt;, a sequence a List&lt;object?&gt;,
/// a scalar its string. Enough to walk Kubernetes manifests without a model of every kind.
/// </summary>
internal static class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    /// <summary>Every document of a (multi-document) YAML text, empty documents left out.</summary>
    public static List<Dictionary<string, object?>> Documents(string text)
    {
        var documents = new List<Dictionary<string, object?>>();
        var parser = new YamlDotNet.Core.Parser(new StringReader(text));
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
        {
            if (Normalize(Deserializer.Deserialize<object?>(parser)) is Dictionary<string, object?> document)
                documents.Add(document);
        }
        return documents;
    }

    public static object? Normalize(object? node) => node switch
    {
        IDictionary<object, object?> map => map.ToDictionary(e => e.Key.ToString()!, e => Normalize(e.Value)),
        IList<object?> list => list.Select(Normalize).ToList(),
        null => null,
        _ => node.ToString(),
    };

    /// <summary>The node at <paramref name="path"/> (mapping keys), or null when any step is missing.</summary>
    public static object? At(this object? node, params string[] path)
    {
        foreach (var key in path)
            node = node is Dictionary<string, object?> map && map.TryGetValue(key, out var next) ? next : null;
        return node;
    }

    public static string? Text(this object? node, params string[] path) => node.At(path) as string;

    public static IEnumerable<Dictionary<string, object?>> Items(this object? node, params string[] path) =>
        node.At(path) is List<object?> list ? list.OfType<Dictionary<string, object?>>() : [];

    public static Dictionary<string, object?> Deep(Dictionary<string, object?> map) =>
        (Dictionary<string, object?>)Normalize(Clone(map))!;

    private static object? Clone(object? node) => node switch
    {
        Dictionary<string, object?> map => map.ToDictionary(e => (object)e.Key, e => Clone(e.Value)),
        List<object?> list => list.Select(Clone).ToList(),
        _ => node,
    };
}
