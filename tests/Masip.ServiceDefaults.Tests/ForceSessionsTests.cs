using System.Text.RegularExpressions;
using Xunit;

namespace Masip.ServiceDefaults.Tests;

/// <summary>
/// In a deployment that serves several forces, a session or connection opened without naming the
/// force reaches no database (the store refuses the default tenant). Service code therefore opens
/// them through the force being served (ForceSessions, or the injected sessions and the command
/// pipeline): this reads every service's source for the calls that do not.
/// </summary>
public sealed partial class ForceSessionsTests
{
    [Fact]
    public void No_service_code_opens_a_session_or_connection_without_the_force_being_served()
    {
        var root = RepositoryRoot();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "services"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(root, f), Line: i + 1, Text: line)))
            .Where(l => ForcelessSession().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0,
            "open sessions and connections for the force being served (store.QueryForForce(), LightweightForForce(), ConnectionForForce()):\n"
            + string.Join("\n", offenders));
    }

    [Fact]
    public void The_check_finds_each_forceless_form()
    {
        Assert.Matches(ForcelessSession(), "await using var q = store.QuerySession();");
        Assert.Matches(ForcelessSession(), "await using var s = Store.LightweightSession();");
        Assert.Matches(ForcelessSession(), "using var c = store.Storage.Database.CreateConnection();");
        Assert.DoesNotMatch(ForcelessSession(), "await using var q = store.QueryForForce();");
        Assert.DoesNotMatch(ForcelessSession(), "store.LightweightSession(options)");
    }

    [GeneratedRegex(@"\.(QuerySession|LightweightSession|OpenSession|IdentitySession|DirtyTrackedSession)\(\)|\.Storage\.Database\b")]
    private static partial Regex ForcelessSession();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Masip.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("no Masip.sln above " + AppContext.BaseDirectory);
    }
}
