using System.Text.RegularExpressions;

namespace Masip.Deploy.Tests;

/// <summary>
/// What a rendered MASIP overlay must hold. Returns the problems found (none: it passes), each
/// naming the resource, so one run lists everything at fault.
/// </summary>
internal static partial class ManifestCheck
{
    /// <summary>The services; each has a Deployment masip-X and a PostgreSQL cluster masip-X-db.</summary>
    public static readonly string[] Services = ["police", "probation", "nhs", "advocacy", "meetings"];

    public sealed record Expectations(bool Production, int RabbitMqReplicas, bool QuorumQueues);

    public static List<string> Problems(IReadOnlyList<Dictionary<string, object?>> resources, Expectations expected)
    {
        var problems = new List<string>();
        var deployments = Of(resources, "Deployment").ToList();
        var configMaps = Of(resources, "ConfigMap").ToDictionary(Name, m => m.At("data") as Dictionary<string, object?> ?? []);

        foreach (var service in Services)
            if (!deployments.Any(d => Name(d) == $"masip-{service}"))
                problems.Add($"no Deployment masip-{service}");

        foreach (var deployment in deployments)
        {
            var name = Name(deployment);
            var containers = MiniKustomize.Containers(deployment).ToList();
            foreach (var container in containers)
            {
                var what = $"Deployment {name} container {container.Text("name")}";
                if (container.Text("readinessProbe", "httpGet", "path") != "/health/ready")
                    problems.Add($"{what}: no readiness probe on /health/ready");
                if (container.Text("livenessProbe", "httpGet", "path") != "/health/live")
                    problems.Add($"{what}: no liveness probe on /health/live");
            }
            if (!resources.Any(r => r.Text("kind") == "PodDisruptionBudget" && Selects(r.At("spec", "selector", "matchLabels"), deployment.At("spec", "template", "metadata", "labels"))))
                problems.Add($"Deployment {name}: no PodDisruptionBudget selects its pods");

            var environment = Environment(deployment, configMaps);
            if (expected.Production && environment.GetValueOrDefault("ASPNETCORE_ENVIRONMENT") != "Production")
                problems.Add($"Deployment {name}: ASPNETCORE_ENVIRONMENT is {environment.GetValueOrDefault("ASPNETCORE_ENVIRONMENT") ?? "unset"}, not Production");
            if (string.IsNullOrEmpty(environment.GetValueOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT")))
                problems.Add($"Deployment {name}: OTEL_EXPORTER_OTLP_ENDPOINT is not set (telemetry goes nowhere)");
            if (expected.QuorumQueues != (environment.GetValueOrDefault("Masip__Messaging__QuorumQueues") == "true"))
                problems.Add($"Deployment {name}: Masip__Messaging__QuorumQueues should be {(expected.QuorumQueues ? "true" : "false")}");
            if (!MountsAgreement(deployment, environment.GetValueOrDefault("Masip__Sharing__Agreement")))
                problems.Add($"Deployment {name}: the sharing agreement is not mounted from the ConfigMap masip-sharing-agreement at Masip__Sharing__Agreement");
            if (name.StartsWith("masip-", StringComparison.Ordinal)
                && !Of(resources, "Cluster").Any(c => c.Text("apiVersion") == "postgresql.cnpg.io/v1" && Name(c) == $"{name}-db"))
                problems.Add($"Deployment {name}: no CloudNativePG Cluster {name}-db (PostgreSQL per agency)");
        }

        foreach (var workload in resources.Where(r => MiniKustomize.Containers(r).Any()))
            foreach (var container in MiniKustomize.Containers(workload))
            {
                var what = $"{workload.Text("kind")} {Name(workload)} container {container.Text("name")}";
                foreach (var limit in new[] { "requests", "limits" })
                    foreach (var resource in new[] { "cpu", "memory" })
                        if (string.IsNullOrEmpty(container.Text("resources", limit, resource)))
                            problems.Add($"{what}: no resources.{limit}.{resource}");
                if (ImageProblem(container.Text("image")) is { } image)
                    problems.Add($"{what}: {image}");
                foreach (var variable in container.Items("env"))
                    if (SecretLooking(variable.Text("name")!) && variable.At("valueFrom", "secretKeyRef") is null)
                        problems.Add($"{what}: {variable.Text("name")} is not from a Secret (secretKeyRef)");
                    else if (variable.Text("value") is { } value && CredentialInside().IsMatch(value))
                        problems.Add($"{what}: {variable.Text("name")} holds a credential inline");
            }

        foreach (var (name, data) in configMaps)
            foreach (var (key, value) in data)
                if (SecretLooking(key) || (value is string text && CredentialInside().IsMatch(text)))
                    problems.Add($"ConfigMap {name}: {key} looks secret; it belongs in a Secret");

        foreach (var resource in resources.Where(r => r.Text("kind") == "Secret" && r.At("metadata", "name") is string))
            if (expected.Production)
                problems.Add($"Secret {Name(resource)}: production secrets are made by the operator, not kept in the repository");

        if (!Of(resources, "Job").Any(j => MiniKustomize.Containers(j).Any(c => Words(c).Contains("topology"))))
            problems.Add("no Job runs `masip topology`");
        var rabbit = Of(resources, "RabbitmqCluster").Where(r => r.Text("apiVersion") == "rabbitmq.com/v1beta1").ToList();
        if (rabbit.Count != 1)
            problems.Add($"expected one RabbitmqCluster (rabbitmq.com/v1beta1), found {rabbit.Count}");
        else if (rabbit[0].Text("spec", "replicas") != expected.RabbitMqReplicas.ToString())
            problems.Add($"RabbitmqCluster {Name(rabbit[0])}: {rabbit[0].Text("spec", "replicas") ?? "default"} replicas, expected {expected.RabbitMqReplicas}");
        return problems;
    }

    /// <summary>A Deployment's environment as the pod sees it: configMapRef'd ConfigMaps, then env values.</summary>
    private static Dictionary<string, string?> Environment(Dictionary<string, object?> deployment, Dictionary<string, Dictionary<string, object?>> configMaps)
    {
        var environment = new Dictionary<string, string?>();
        foreach (var container in MiniKustomize.Containers(deployment))
        {
            foreach (var source in container.Items("envFrom"))
                if (source.Text("configMapRef", "name") is { } map && configMaps.TryGetValue(map, out var data))
                    foreach (var (key, value) in data)
                        environment[key] = value as string;
            foreach (var variable in container.Items("env"))
                if (variable.Text("value") is { } value)
                    environment[variable.Text("name")!] = value;
        }
        return environment;
    }

    private static bool MountsAgreement(Dictionary<string, object?> deployment, string? agreementPath)
    {
        if (agreementPath is null)
            return false;
        var volumes = deployment.Items("spec", "template", "spec", "volumes")
            .Where(v => v.Text("configMap", "name")?.StartsWith("masip-sharing-agreement", StringComparison.Ordinal) == true)
            .Select(v => v.Text("name")).ToHashSet();
        return MiniKustomize.Containers(deployment).SelectMany(c => c.Items("volumeMounts"))
            .Any(m => volumes.Contains(m.Text("name")) && agreementPath == $"{m.Text("mountPath")!.TrimEnd('/')}/agreement.yaml");
    }

    /// <summary>Why an image reference is not pinned, or null: it needs a tag other than latest, or a digest.</summary>
    public static string? ImageProblem(string? image)
    {
        if (string.IsNullOrEmpty(image))
            return "no image";
        if (image.Contains("@sha256:", StringComparison.Ordinal))
            return null;
        var lastPart = image[(image.LastIndexOf('/') + 1)..];
        if (!lastPart.Contains(':'))
            return $"image {image} has no tag (pin one: kustomize images)";
        return lastPart.EndsWith(":latest", StringComparison.Ordinal) ? $"image {image} is tagged latest (pin a version)" : null;
    }

    public static bool SecretLooking(string name) =>
        new[] { "KEY", "PASSWORD", "SECRET", "TOKEN" }.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>A password in a connection string, or user:password@ in a URI.</summary>
    [GeneratedRegex(@"(?i)(password|pwd)\s*=\s*[^;$\s]|://[^/@\s:]+:[^/@\s]+@")]
    private static partial Regex CredentialInside();

    private static IEnumerable<Dictionary<string, object?>> Of(IEnumerable<Dictionary<string, object?>> resources, string kind) =>
        resources.Where(r => r.Text("kind") == kind);

    private static string Name(Dictionary<string, object?> resource) => resource.Text("metadata", "name") ?? "(unnamed)";

    private static bool Selects(object? selector, object? labels) =>
        selector is Dictionary<string, object?> wanted && wanted.Count > 0 && labels is Dictionary<string, object?> have
        && wanted.All(w => have.TryGetValue(w.Key, out var v) && Equals(v, w.Value));

    private static HashSet<string> Words(Dictionary<string, object?> container) =>
        [.. new[] { "command", "args" }.SelectMany(k => container.At(k) as List<object?> ?? []).OfType<string>()];
}
