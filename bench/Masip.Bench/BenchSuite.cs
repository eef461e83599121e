using System.Globalization;
using System.Text;

namespace Masip.Bench;

/// <summary>How big a run is: the full sizes of issue 15, or tiny ones that finish in seconds (--quick).</summary>
public sealed record BenchSize(bool Quick)
{
    /// <summary>The rows to run (import and review queue, propagation, agenda, rebuild); all when empty.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();
    /// <summary>Overrides the night's size (a row alone on a loaded machine).</summary>
    public int? ReportsOverride { get; init; }
    public bool Runs(string row) => Only.Count == 0 || Only.Contains(row);
    public int Nominals => Quick ? 3 : 300;
    public int Reports => ReportsOverride ?? (Quick ? 400 : 100_000);
    public int ImportBatch => Quick ? 100 : 1000;
    public int Readers => 16;
    public int QueriesPerReader => Quick ? 5 : 60;
    public int Messages => Quick ? 300 : 5_000;
    public int PropagationRate => Quick ? 20 : 1000;
    public TimeSpan PropagationFor => Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(60);
    public int AgendaCases => Quick ? 300 : 10_000;
    public int AgendaNominals => Quick ? 10 : 300;
    public int AgendaRuns => RunsOverride ?? (Quick ? 5 : 200);
    public int? RunsOverride { get; init; }
    /// <summary>Events the rebuild row stores and replays (--events N overrides).</summary>
    public int RebuildEvents => EventsOverride ?? (Quick ? 2_000 : 1_000_000);
    public int? EventsOverride { get; init; }
}

/// <summary>
/// One line of the table: our figure, the raw baseline measured in the same run, and the goal.
/// A throughput row's ratio is ours/baseline in percent; a latency row's is ours/baseline as a factor.
/// </summary>
public sealed record BenchRow(string Name, string Unit, double Ours, double Baseline, string BaselineName, string Goal, bool Pass, bool Throughput)
{
    public string Ratio => Baseline <= 0 ? "n/a"
        : Throughput ? (Ours / Baseline).ToString("0.0%", CultureInfo.InvariantCulture)
        : (Ours / Baseline).ToString("0.0", CultureInfo.InvariantCulture) + "x";
}

/// <summary>Runs every benchmark and prints one table. <c>dotnet run -c Release --project bench/Masip.Bench [-- --quick]</c>.</summary>
public static class BenchSuite
{
    public static async Task<int> RunFromCommandLineAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var size = new BenchSize(args.Contains("--quick"))
        {
            // --only police|import,propagation,agenda,rebuild (comma separated); --reports N; --events N (rebuild); --runs N (agenda)
            Only = (Value("--only") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(),
            ReportsOverride = Value("--reports") is { } reports ? int.Parse(reports, CultureInfo.InvariantCulture) : null,
            RunsOverride = Value("--runs") is { } runs ? int.Parse(runs, CultureInfo.InvariantCulture) : null,
            EventsOverride = Value("--events") is { } events ? int.Parse(events, CultureInfo.InvariantCulture) : null,
        };
        var rows = await RunAsync(size, Console.Out);
        Console.WriteLine();
        Console.WriteLine(Table(rows));
        return 0;
    }

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchSize size, TextWriter log, CancellationToken ct = default)
    {
        // The in-process hosts find their content root through MvcTestingAppManifest.json in the working directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var rows = new List<BenchRow>();
        log.WriteLine($"masip bench ({(size.Quick ? "quick" : "full")}) on {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        if (size.Runs("police") || size.Runs("import"))
            rows.AddRange(await PoliceRows.RunAsync(size, log, ct));
        if (size.Runs("propagation"))
            rows.AddRange(await PropagationRows.RunAsync(size, log, ct));
        if (size.Runs("agenda"))
            rows.AddRange(await AgendaRows.RunAsync(size, log, ct));
        if (size.Runs("rebuild"))
            rows.AddRange(await RebuildRows.RunAsync(size, log, ct));
        return rows;
    }

    public static string Table(IReadOnlyList<BenchRow> rows)
    {
        static string F(double v) => v >= 100 ? v.ToString("#,0", CultureInfo.InvariantCulture) : v.ToString("0.0", CultureInfo.InvariantCulture);
        var lines = rows.Select(r => new[]
        {
            r.Name, $"{F(r.Ours)} {r.Unit}", $"{F(r.Baseline)} {r.Unit} ({r.BaselineName})", r.Ratio, r.Goal, r.Pass ? "pass" : "MISS",
        }).Prepend(["benchmark", "ours", "baseline (same run)", "ratio", "goal", ""]).ToList();
        var widths = Enumerable.Range(0, 6).Select(c => lines.Max(l => l[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            text.AppendLine(string.Join(" | ", line.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
            if (i == 0)
                text.AppendLine(string.Join("-|-", widths.Select(w => new string('-', w))));
        }
        return text.ToString();
    }

    internal static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
