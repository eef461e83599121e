using Masip.Bench;
using Xunit;
using Xunit.Abstractions;

namespace Masip.Bench.Tests;

/// <summary>
/// The bench's quick mode, in process: each benchmark runs end to end at tiny sizes and its row
/// carries a baseline measured in the same run. Goals are not asserted here (a shared machine and
/// tiny sizes say nothing about them); that the bench still runs, and measures both sides, is.
/// </summary>
public sealed class QuickBenchTests(ITestOutputHelper output)
{
    private static readonly string[] Benchmarks =
        ["import", "review queue p99", "propagation p99", "relay throughput", "DMM agenda generate p99", "rebuild"];

    [Fact]
    public async Task The_quick_bench_prints_every_row_with_a_baseline_from_the_same_run()
    {
        var log = new StringWriter();
        var rows = await BenchSuite.RunAsync(new BenchSize(Quick: true), log);
        var table = BenchSuite.Table(rows);
        output.WriteLine(log.ToString());
        output.WriteLine(table);

        Assert.Equal(Benchmarks, rows.Select(r => Benchmarks.Single(b => r.Name.StartsWith(b, StringComparison.Ordinal))));
        Assert.All(rows, row =>
        {
            Assert.True(double.IsFinite(row.Ours) && row.Ours > 0, $"{row.Name}: our figure {row.Ours}");
            Assert.True(double.IsFinite(row.Baseline) && row.Baseline > 0, $"{row.Name}: baseline {row.Baseline}");
            Assert.Contains(row.Ratio, table);
            Assert.Contains(row.Name, table);
        });
    }
}
