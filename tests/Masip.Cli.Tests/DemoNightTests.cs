using Masip.Contracts.Police;
using Xunit;

namespace Masip.Cli.Tests;

/// <summary>The synthetic night: seeded, London's mix, obviously made up.</summary>
public sealed class DemoNightTests
{
    private static readonly DateOnly Night = new(2026, 11, 25);

    [Fact]
    public void The_same_seed_and_night_give_the_same_reports_and_another_seed_does_not()
    {
        var once = DemoNight.ToJsonLines(DemoNight.Generate(42, Night));
        var twice = DemoNight.ToJsonLines(DemoNight.Generate(42, Night));
        var other = DemoNight.ToJsonLines(DemoNight.Generate(43, Night));

        Assert.Equal(once, twice);
        Assert.NotEqual(once, other);
    }

    [Fact]
    public void A_night_has_the_London_mix_and_repeat_suspects()
    {
        var reports = DemoNight.Generate(7, Night);

        var byOffence = reports.GroupBy(r => r.PrincipalClassification).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["s4A"] = 12, ["s2A"] = 24, ["breach"] = 3, ["harassment"] = 5, ["malicious-communications"] = 4 }, byOffence);
        Assert.Equal(reports.Count, reports.Select(r => r.CrimeReference).Distinct().Count());
        Assert.All(reports, r => Assert.Equal("2026-11-25", r.ReportedOn));
        Assert.Contains(reports, r => r.SuspectName.Contains("Repeat"));
        var repeat = DemoNight.RepeatSuspect(3);
        Assert.Equal(repeat, DemoNight.RepeatSuspect(3));
    }

    [Fact]
    public void Every_personal_detail_is_obviously_synthetic()
    {
        var reports = DemoNight.Generate(11, Night, new NightMix(S2A: 400));

        Assert.All(reports, r =>
        {
            Assert.Matches(@"^07700 900\d{3}$", r.VictimPhone);
            Assert.EndsWith("@example.org", r.VictimEmail);
            Assert.Matches(@"^\d+ Example Street, Borough \d\d$", r.VictimAddress);
            Assert.True(r.SuspectPncId == "" || System.Text.RegularExpressions.Regex.IsMatch(r.SuspectPncId, @"^99/\d{6}[A-Z]$"), r.SuspectPncId);
            Assert.StartsWith("Synthetic:", r.Summary);
        });
    }
}
