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
        Assert.EndsWith(",0.25,0,0", lines[1]);
    }
}
