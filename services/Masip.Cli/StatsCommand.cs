using System.CommandLine;
using System.Globalization;
using Masip.Contracts.Police;

namespace Masip.Cli;

/// <summary>`masip stats [--from D] [--to D] [--borough B] [--csv]`: the police counts by month and borough, every page.</summary>
public static class StatsCommand
{
    private static readonly CliIdentity Officer = new("police", "stac-officer", "dev-police-stac-officer");

    public static readonly string[] Columns =
    [
        "month", "borough", "reports", "s4a", "s2a", "s4a_i_fear_of_violence", "s4a_ii_serious_alarm_or_distress", "s4a_proposed",
        "domestic_abuse", "online_element", "reviewed", "tier1", "tier2", "tier3", "closed", "charged", "nfa", "time_limit_expired",
        "home_office_outcomes", "nfa_reasons", "referred_to_advocacy", "referred_to_nhs", "referred_to_probation",
        "advocacy_referral_rate", "nhs_referral_rate", "probation_referral_rate",
    ];

    public static Command Build(CliEnvironment env)
    {
        var from = new Option<string?>("--from") { Description = "yyyy-MM-dd, reported on or after" };
        var to = new Option<string?>("--to") { Description = "yyyy-MM-dd, reported on or before" };
        var borough = new Option<string?>("--borough");
        var csv = new Option<bool>("--csv") { Description = "CSV with a header line (one row per month and borough)" };
        var command = new Command("stats", "The police statistics by month of report and borough: offences, s4A(i)/(ii), tiers, outcomes, referral rates")
        {
            from, to, borough, csv,
        };
        command.Handle(env, Officer, async run =>
        {
            var client = new PoliceStatistics.PoliceStatisticsClient(run.Channel("police"));
            var reply = new MonthlyStatisticsReply();
            var page = new Contracts.Common.PageRequest { PageSize = 500 };
            while (true)
            {
                var next = await client.ListMonthlyStatisticsAsync(new ListMonthlyStatisticsRequest
                {
                    ReportedFrom = run.Value(from) ?? "", ReportedTo = run.Value(to) ?? "", Borough = run.Value(borough) ?? "", Page = page,
                }, run.Call);
                reply.Rows.AddRange(next.Rows);
                reply.Page = next.Page;
                if (next.Page.NextPageToken.Length == 0)
                    break;
                page = new Contracts.Common.PageRequest { PageSize = 500, PageToken = next.Page.NextPageToken };
            }
            if (run.Value(csv))
            {
                WriteCsv(run.Out, reply.Rows);
                return MasipCli.Ok;
            }
            return run.Print(reply, () =>
            {
                var table = new Table("MONTH", "BOROUGH", "REPORTS", "S4A", "S2A", "S4A(I)", "S4A(II)", "DA", "ONLINE", "T1", "T2", "T3", "CLOSED", "ADVOCACY", "NHS", "PROBATION");
                foreach (var r in reply.Rows)
                    table.Row(r.Month, r.Borough, r.Reports, r.S4A, r.S2A, r.S4AFearOfViolence, r.S4ASeriousAlarmOrDistress, r.DomesticAbuse,
                        r.OnlineElement, r.Tier1, r.Tier2, r.Tier3, r.Closed, Rate(r.ReferredToAdvocacy, r.AdvocacyReferralRate),
                        Rate(r.ReferredToNhs, r.NhsReferralRate), Rate(r.ReferredToProbation, r.ProbationReferralRate));
                table.WriteTo(run.Out, "no reports in the period");
            });
        });
        return command;
    }

    private static string Rate(int count, double rate) => $"{count} ({rate.ToString("P1", CultureInfo.InvariantCulture)})";

    /// <summary>RFC 4180: one header line, fields quoted when they hold a comma, quote or line break; counts as plain integers.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<MonthlyStatistics> rows)
    {
        writer.WriteLine(string.Join(",", Columns));
        foreach (var r in rows)
        {
            object[] cells =
            [
                r.Month, r.Borough, r.Reports, r.S4A, r.S2A, r.S4AFearOfViolence, r.S4ASeriousAlarmOrDistress, r.S4AProposed, r.DomesticAbuse,
                r.OnlineElement, r.Reviewed, r.Tier1, r.Tier2, r.Tier3, r.Closed, r.Charged, r.Nfa, r.TimeLimitExpired,
                Counts(r.HomeOfficeOutcomes), Counts(r.NfaReasons), r.ReferredToAdvocacy, r.ReferredToNhs, r.ReferredToProbation,
                r.AdvocacyReferralRate, r.NhsReferralRate, r.ProbationReferralRate,
            ];
            writer.WriteLine(string.Join(",", cells.Select(c => Field(Convert.ToString(c, CultureInfo.InvariantCulture) ?? ""))));
        }
    }

    // "16:2;17:1": one cell per map, ordered by key.
    private static string Counts(IEnumerable<CodeCount> counts) =>
        string.Join(";", counts.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => $"{c.Code}:{c.Count}"));

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
}
