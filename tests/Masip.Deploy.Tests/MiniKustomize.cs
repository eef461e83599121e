namespace Masip.Deploy.Tests;

/// <summary>
/// The part of kustomize that deploy/k8s uses, so the manifests can be checked on a machine without
/// kubectl: resources (files and kustomization directories), namespace, config map and secret
/// generators (literals and files; behavior merge), images, replicas and JSON 6902 patches
/// (add/replace on mapping paths). Generated names keep no hash suffix. Anything else in a
/// kustomization is refused, so a manifest change this renderer does not follow fails loudly
/// (and the test renders with kubectl too where it is installed).
/// </summary>
internal static class MiniKustomize
{
    private static readonly HashSet<string> Understood =
        ["apiVersion", "kind", "resources", "namespace", "labels", "configMapGenerator", "secretGenerator", "images", "replicas", "patches"];

    public static List<Dictionary<string, object?>> Render(string directory)
    {
        var kustomization = Yaml.Documents(File.ReadAllText(Path.Combine(directory, "kustomization.yaml"))).Single();
        var unknown = kustomization.Keys.Except(Understood).ToList();
        if (unknown.Count > 0)
            throw new NotSupportedException($"{directory}/kustomization.yaml: {string.Join(", ", unknown)} not understood by {nameof(MiniKustomize)}");

        var resources = new List<Dictionary<string, object?>>();
        foreach (var resource in kustomization.At("resources") as List<object?> ?? [])
        {
            var path = Path.GetFullPath(Path.Combine(directory, (string)resource!));
            resources.AddRange(Directory.Exists(path) ? Render(path) : Yaml.Documents(File.ReadAllText(path)));
        }
        Generate(resources, directory, kustomization, "configMapGenerator", "ConfigMap", "data");
        Generate(resources, directory, kustomization, "secretGenerator", "Secret", "stringData");
        foreach (var image in kustomization.Items("images"))
            foreach (var container in resources.SelectMany(Containers))
                Retag(container, image);
        foreach (var replicas in kustomization.Items("replicas"))
            foreach (var deployment in resources.Where(r => r.Text("metadata", "name") == replicas.Text("name")))
                ((Dictionary<string, object?>)deployment["spec"]!)["replicas"] = replicas.Text("count");
        foreach (var patch in kustomization.Items("patches"))
            Patch(resources, patch);
        if (kustomization.Text("namespace") is { } space)
            foreach (var resource in resources)
                ((Dictionary<string, object?>)resource["metadata"]!)["namespace"] = space;
        return resources;
    }

    /// <summary>The containers of a workload (Deployment, StatefulSet, Job) or none.</summary>
    public static IEnumerable<Dictionary<string, object?>> Containers(Dictionary<string, object?> resource) =>
        resource.Items("spec", "template", "spec", "containers").Concat(resource.Items("spec", "template", "spec", "initContainers"));

    private static void Generate(List<Dictionary<string, object?>> resources, string directory, Dictionary<string, object?> kustomization,
        string generator, string kind, string field)
    {
        foreach (var spec in kustomization.Items(generator))
        {
            var name = spec.Text("name")!;
            var data = new Dictionary<string, object?>();
            foreach (var literal in spec.At("literals") as List<object?> ?? [])
            {
                var text = (string)literal!;
                var equals = text.IndexOf('=');
                data[text[..equals]] = text[(equals + 1)..];
            }
            foreach (var file in spec.At("files") as List<object?> ?? [])
            {
                var text = (string)file!;
                var (key, path) = text.Contains('=') ? (text[..text.IndexOf('=')], text[(text.IndexOf('=') + 1)..]) : (Path.GetFileName(text), text);
                data[key] = File.ReadAllText(Path.Combine(directory, path));
            }
            var existing = resources.FirstOrDefault(r => r.Text("kind") == kind && r.Text("metadata", "name") == name);
            if (spec.Text("behavior") == "merge")
            {
                var target = existing?.At(field) as Dictionary<string, object?>
                    ?? throw new InvalidOperationException($"{generator} {name}: behavior merge, but no {kind} {name} in the resources");
                foreach (var (key, value) in data)
                    target[key] = value;
                continue;
            }
            if (existing is not null)
                throw new InvalidOperationException($"{generator} {name}: a {kind} of that name exists already");
            var generated = new Dictionary<string, object?>
            {
                ["apiVersion"] = "v1", ["kind"] = kind, ["metadata"] = new Dictionary<string, object?> { ["name"] = name }, [field] = data,
            };
            if (spec.Text("type") is { } type)
                generated["type"] = type;
            resources.Add(generated);
        }
    }

    private static void Retag(Dictionary<string, object?> container, Dictionary<string, object?> image)
    {
        var current = container.Text("image")!;
        var at = current.IndexOf('@');
        var colon = current.LastIndexOf(':');
        var name = at >= 0 ? current[..at] : colon > current.LastIndexOf('/') ? current[..colon] : current;
        if (name != image.Text("name"))
            return;
        var suffix = at >= 0 ? current[at..] : colon > current.LastIndexOf('/') ? current[colon..] : "";
        if (image.Text("newTag") is { } tag)
            suffix = ":" + tag;
        if (image.Text("digest") is { } digest)
            suffix = "@" + digest;
        container["image"] = (image.Text("newName") ?? name) + suffix;
    }

    private static void Patch(List<Dictionary<string, object?>> resources, Dictionary<string, object?> patch)
    {
        if (patch.Text("patch") is not { } text || patch.At("target") is not Dictionary<string, object?> target)
            throw new NotSupportedException($"{nameof(MiniKustomize)} applies only inline JSON 6902 patches with a target");
        var operations = (List<object?>)Yaml.Normalize(new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<object>(text))!;
        foreach (var resource in resources.Where(r => Matches(r, target)))
            foreach (var operation in operations.OfType<Dictionary<string, object?>>())
            {
                if (operation.Text("op") is not ("replace" or "add"))
                    throw new NotSupportedException($"patch op {operation.Text("op")}");
                var steps = operation.Text("path")!.Trim('/').Split('/');
                var parent = resource.At(steps[..^1]) as Dictionary<string, object?>
                    ?? throw new InvalidOperationException($"patch path {operation.Text("path")} not in {resource.Text("kind")} {resource.Text("metadata", "name")}");
                parent[steps[^1]] = operation.At("value");
            }
    }

    private static bool Matches(Dictionary<string, object?> resource, Dictionary<string, object?> target) =>
        (target.Text("kind") is not { } kind || resource.Text("kind") == kind)
        && (target.Text("name") is not { } name || resource.Text("metadata", "name") == name)
        && (target.Text("group") is not { } group || (resource.Text("apiVersion") ?? "").StartsWith(group + "/", StringComparison.Ordinal));
}
