using Google.Protobuf;
using Masip.Contracts.Police;
using Xunit;

namespace Masip.Cli.Tests;

/// <summary>`masip stats --csv` over the demo night, its counts checked against the night's reports.</summary>
public sealed class StatsCommandTests(CliWorld world) : IClassFixture<CliWorld>
{
    [Fact]
    public async Task Stats_as_CSV_over_the_demo_night_counts_what_the_night_reported_by_borough()
    {
        var night = "2025-06-11";
        var file = Path.Combine(Path.GetTempPath(), $"masip-stats-test-{Guid.NewGuid():N}.jsonl");
        (await world.RunAsync("demo", "night", "--seed", "17", "--date", night, "--out", file)).Succeeded();
        (await world.RunAsync("police", "import", file)).Succeeded();

        var csv = (await world.RunAsync("stats", "--agency", "police", "--from", night, "--to", night, "--csv")).Succeeded().Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

        var records = (await File.ReadAllLinesAsync(file)).Select(JsonParser.Default.Parse<CrimeReportRecord>).ToList();
        var expected = records.GroupBy(r => r.Borough).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => string.Join(",",
            "2025-06", g.Key, g.Count(), g.Count(r => r.PrincipalClassification == "s4A"), g.Count(r => r.PrincipalClassification == "s2A"),
            g.Count(r => r.FearOfViolence), g.Count(r => r.SeriousAlarmOrDistress),
            g.Count(r => r.PrincipalClassification != "s4A" && r.Incidents >= 2 && (r.FearOfViolence || r.SeriousAlarmOrDistress)),
            g.Count(r => r.DomesticAbuse), g.Count(r => r.OnlineElement))).ToList();
        Assert.Equal(string.Join(",", StatsCommand.Columns), csv[0]);
        Assert.Equal(expected, csv.Skip(1).Select(l => string.Join(",", l.Split(',').Take(10))).OrderBy(l => l, StringComparer.Ordinal));
        Assert.Equal(48, records.Count);

        // Every agency in one long CSV: the police measures are the same counts, one line each.
        var all = (await world.RunAsync("stats", "--from", night, "--to", night, "--csv")).Succeeded().Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        Assert.Equal(StatsCommand.LongColumns, all[0]);
        Assert.Equal(records.Count, all.Where(l => l[0] == "police" && l[3] == "reports").Sum(l => int.Parse(l[4])));
        Assert.Equal(records.Count(r => r.DomesticAbuse), all.Where(l => l[0] == "police" && l[3] == "domestic_abuse").Sum(l => int.Parse(l[4])));
        Assert.Equal(records.GroupBy(r => r.Borough).Count(), all.Count(l => l[0] == "police" && l[3] == "reports"));
        Assert.All(all.Skip(1), l => Assert.Contains(l[0], StatsCommand.Agencies));
        (await world.RunAsync("stats", "--agency", "courts")).BadUsage("--agency");
    }
}
