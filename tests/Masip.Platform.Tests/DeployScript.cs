using System.Diagnostics;

namespace Masip.Platform.Tests;

/// <summary>Runs this repository's deploy/masip, as a person at the terminal would.</summary>
internal static class DeployScript
{
    public static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(RepositoryRoot(), "deploy", "masip")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs deploy/masip and fails with its output unless it exits 0; answers its standard output.</summary>
    public static async Task<string> RunOrThrow(params string[] args)
    {
        var (exit, stdout, stderr) = await Run(args);
        return exit == 0 ? stdout : throw new InvalidOperationException($"deploy/masip {string.Join(' ', args)} exited {exit}:\n{stderr}{stdout}");
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Masip.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Masip.sln not found above the test binaries");
    }
}
