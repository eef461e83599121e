using Masip.Contracts.Police;
using Xunit;

namespace Masip.Cli.Tests;

public sealed class StatsCsvTests
{
    [Fact]
    public void The_CSV_has_one_header_line_and_one_line_per_row_with_quoted_fields_and_the_maps_as_code_count_pairs()
    {
        var row = new MonthlyStatistics { Month = "2026-11", Borough = "Kensington, Chelsea", Reports = 12, S4A = 3, S2A = 7, AdvocacyReferralRate = 0.25 };
        row.HomeOfficeOutcomes.Add(new CodeCount { Code = "16", Count = 2 });
        row.HomeOfficeOutcomes.Add(new CodeCount { Code = "1", Count = 1 });
        var writer = new StringWriter();

        StatsCommand.WriteCsv(writer, [row]);

        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(string.Join(",", StatsCommand.Columns), lines[0]);
        Assert.StartsWith("2026-11,\"Kensington, Chelsea\",12,3,7,", lines[1]);
        Assert.Contains(",1:1;16:2,", lines[1]);
        Assert.Contains(",0.25,0,0,", lines[1]);
        Assert.Equal(StatsCommand.Columns.Length, lines[1].Split(',').Length - 1); // one comma inside the quoted borough
    }

    [Fact]
    public void The_long_CSV_has_one_line_per_agency_month_and_measure_with_counts_by_code_as_measures()
    {
        var police = new MonthlyStatistics { Month = "2026-11", Borough = "Camden", Reports = 4 };
        police.SpoWhyNot.Add(new CodeCount { Code = "victim-declined", Count = 2 });
        police.ReferralRatesByTier.Add(new ReferralRates { Group = "3", Reviewed = 2, Advocacy = 1, AdvocacyRate = 0.5 });
        var nhs = new Masip.Contracts.Nhs.MonthlyStatistics { Month = "2026-11", ReferralsReceived = 3 };
        nhs.MeasureChanges.Add(new Masip.Contracts.Nhs.MeasureChangeSummary { Measure = "mood", Paired = 2, MeanChange = -3.5 });
        var writer = new StringWriter();

        StatsCommand.WriteLongCsv(writer, [("police", [police]), ("nhs", [nhs])]);

        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("agency,month,borough,measure,value", lines[0]);
        Assert.Contains("police,2026-11,Camden,reports,4", lines);
        Assert.Contains("police,2026-11,Camden,spo_why_not.victim-declined,2", lines);
        Assert.Contains("police,2026-11,Camden,referral_rates_by_tier.3.advocacy,1", lines);
        Assert.Contains("police,2026-11,Camden,referral_rates_by_tier.3.advocacy_rate,0.5", lines);
        Assert.Contains("nhs,2026-11,,referrals_received,3", lines);
        Assert.Contains("nhs,2026-11,,measure_changes.mood.mean_change,-3.5", lines);
        Assert.All(lines.Skip(1), l => Assert.Equal(5, l.Split(',').Length));
    }
}
