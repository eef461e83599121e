using System.Diagnostics;
using Xunit;

namespace Masip.Deploy.Tests;

/// <summary>
/// deploy/k8s: each overlay rendered and checked (<see cref="ManifestCheck"/>): probes, resources, a
/// disruption budget per Deployment, no inline secrets, pinned images, Production and quorum queues
/// in prod, the topology Job, a three-node RabbitMQ cluster, a PostgreSQL cluster per agency, the
/// sharing agreement mounted. Rendered by <see cref="MiniKustomize"/> everywhere, and by
/// `kubectl kustomize` as well where kubectl is installed.
/// </summary>
public sealed class ManifestTests
{
    private static readonly ManifestCheck.Expectations Prod = new(Production: true, RabbitMqReplicas: 3, QuorumQueues: true);
    private static readonly ManifestCheck.Expectations Dev = new(Production: false, RabbitMqReplicas: 1, QuorumQueues: false);

    public static TheoryData<string> Overlays => ["prod", "dev"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_overlay_passes_the_manifest_check(string overlay)
    {
        var resources = MiniKustomize.Render(OverlayDirectory(overlay));

        var problems = ManifestCheck.Problems(resources, overlay == "prod" ? Prod : Dev);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_overlay_rendered_by_kubectl_passes_the_manifest_check(string overlay)
    {
        if (Kubectl() is not { } kubectl)
            return; // no kubectl on this machine: the check above covers the overlay through MiniKustomize
        var resources = Yaml.Documents(Run(kubectl, "kustomize", OverlayDirectory(overlay)));

        var problems = ManifestCheck.Problems(resources, overlay == "prod" ? Prod : Dev);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Equal(
            MiniKustomize.Render(OverlayDirectory(overlay)).Select(Identity).Order(),
            resources.Select(Identity).Select(WithoutHashSuffix).Order());
    }

    [Fact]
    public void The_prod_overlay_runs_Production_with_quorum_queues_and_the_operators_secrets()
    {
        var resources = MiniKustomize.Render(OverlayDirectory("prod"));
        var config = resources.Single(r => r.Text("kind") == "ConfigMap" && r.Text("metadata", "name") == "masip-config");

        Assert.Equal("Production", config.Text("data", "ASPNETCORE_ENVIRONMENT"));
        Assert.Equal("true", config.Text("data", "Masip__Messaging__QuorumQueues"));
        Assert.DoesNotContain(resources, r => r.Text("kind") == "Secret");
        var referenced = resources.SelectMany(MiniKustomize.Containers).SelectMany(c => c.Items("env"))
            .Select(e => e.Text("valueFrom", "secretKeyRef", "name")).OfType<string>().ToHashSet();
        Assert.Superset(new HashSet<string>(["masip-identity", "masip-audit-key", "masip-rabbitmq", .. ManifestCheck.Services.Select(s => $"masip-{s}-db")]), referenced);
    }

    [Fact]
    public void An_inline_secret_is_refused()
    {
        var resources = MiniKustomize.Render(OverlayDirectory("prod"));
        var police = Container(resources, "masip-police");
        ((List<object?>)police["env"]!).Add(new Dictionary<string, object?> { ["name"] = "Masip__Audit__Key", ["value"] = "an-audit-key-written-into-the-manifest" });
        ((List<object?>)police["env"]!).Add(new Dictionary<string, object?> { ["name"] = "ConnectionStrings__postgres", ["value"] = "Host=db;Username=masip;Password=hunter2" });

        var problems = ManifestCheck.Problems(resources, Prod);

        Assert.Contains(problems, p => p.Contains("masip-police") && p.Contains("Masip__Audit__Key is not from a Secret"));
        Assert.Contains(problems, p => p.Contains("masip-police") && p.Contains("ConnectionStrings__postgres holds a credential inline"));
    }

    [Theory]
    [InlineData("registry.example.invalid/masip/police:latest", "tagged latest")]
    [InlineData("registry.example.invalid:5000/masip/police", "has no tag")]
    [InlineData("masip/police", "has no tag")]
    public void An_unpinned_image_is_refused(string image, string expected)
    {
        var resources = MiniKustomize.Render(OverlayDirectory("prod"));
        Container(resources, "masip-police")["image"] = image;

        var problems = ManifestCheck.Problems(resources, Prod);

        Assert.Contains(problems, p => p.Contains("masip-police") && p.Contains(expected));
    }

    [Fact]
    public void A_Deployment_without_probes_resources_or_a_disruption_budget_is_refused()
    {
        var resources = MiniKustomize.Render(OverlayDirectory("prod"));
        var nhs = Container(resources, "masip-nhs");
        nhs.Remove("readinessProbe");
        nhs.Remove("resources");
        resources.RemoveAll(r => r.Text("kind") == "PodDisruptionBudget" && r.Text("metadata", "name") == "masip-nhs");

        var problems = ManifestCheck.Problems(resources, Prod);

        Assert.Contains(problems, p => p.Contains("masip-nhs") && p.Contains("readiness"));
        Assert.Contains(problems, p => p.Contains("masip-nhs") && p.Contains("resources.limits.memory"));
        Assert.Contains(problems, p => p.Contains("masip-nhs") && p.Contains("PodDisruptionBudget"));
    }

    [Fact]
    public void The_dev_overlay_is_refused_as_production()
    {
        var problems = ManifestCheck.Problems(MiniKustomize.Render(OverlayDirectory("dev")), Prod);

        Assert.Contains(problems, p => p.Contains("not Production"));
        Assert.Contains(problems, p => p.Contains("Secret masip-audit-key"));
        Assert.Contains(problems, p => p.Contains("RabbitmqCluster") && p.Contains("expected 3"));
    }

    private static Dictionary<string, object?> Container(List<Dictionary<string, object?>> resources, string deployment) =>
        MiniKustomize.Containers(resources.Single(r => r.Text("kind") == "Deployment" && r.Text("metadata", "name") == deployment)).Single();

    private static string Identity(Dictionary<string, object?> resource) => $"{resource.Text("kind")}/{resource.Text("metadata", "name")}";

    private static string WithoutHashSuffix(string identity) =>
        System.Text.RegularExpressions.Regex.Replace(identity, "^(ConfigMap|Secret)/(.*)-[a-z0-9]{10}$", "$1/$2");

    private static string OverlayDirectory(string overlay) => Path.Combine(RepositoryRoot(), "deploy", "k8s", "overlays", overlay);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Masip.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Masip.sln not found above the test binaries");
    }

    /// <summary>kubectl on PATH with kustomize 4 or later (Debian's kubectl 1.20 carries kustomize 2.0.3, which predates these kustomizations).</summary>
    private static string? Kubectl()
    {
        var kubectl = (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "kubectl")).FirstOrDefault(File.Exists);
        if (kubectl is null)
            return null;
        var version = System.Text.RegularExpressions.Regex.Match(Run(kubectl, "version", "--client"), @"Kustomize Version: v(\d+)");
        return version.Success && int.Parse(version.Groups[1].Value) >= 4 ? kubectl : null;
    }

    private static string Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
