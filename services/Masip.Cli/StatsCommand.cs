using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Masip.Contracts.Police;

namespace Masip.Cli;

/// <summary>
/// `masip stats [--agency A|all] [--from D] [--to D] [--borough B] [--csv]`: every agency's counts by
/// month (police also by borough), every page of each. One agency as CSV is one row per month (and
/// borough); all agencies as CSV is the long form, one line per agency, month, borough and measure.
/// </summary>
public static class StatsCommand
{
    public static readonly string[] Columns =
    [
        "month", "borough", "reports", "s4a", "s2a", "s4a_i_fear_of_violence", "s4a_ii_serious_alarm_or_distress", "s4a_proposed",
        "domestic_abuse", "online_element", "reviewed", "tier1", "tier2", "tier3", "closed", "charged", "nfa", "time_limit_expired",
        "home_office_outcomes", "nfa_reasons", "referred_to_advocacy", "referred_to_nhs", "referred_to_probation",
        "advocacy_referral_rate", "nhs_referral_rate", "probation_referral_rate",
        "spo_considered", "spo_will_apply", "spo_not_applying", "spo_applied", "spo_granted", "spo_breached", "spo_statuses", "spo_why_not",
        "mean_days_application_to_grant", "relationships", "referral_rates_by_tier", "referral_rates_by_relationship",
        "reviewed_s4a_i", "reviewed_s4a_ii", "reviewed_s4a_both",
    ];

    /// <summary>The agencies `masip stats` gathers, in the order it prints them.</summary>
    public static readonly string[] Agencies = ["police", "advocacy", "nhs", "probation"];

    public static Command Build(CliEnvironment env)
    {
        var from = new Option<string?>("--from") { Description = "yyyy-MM-dd, on or after (police: reported; others: the date each count is of)" };
        var to = new Option<string?>("--to") { Description = "yyyy-MM-dd, on or before" };
        var borough = new Option<string?>("--borough") { Description = "police only: the other agencies hold no borough" };
        var agency = new Option<string>("--agency") { Description = "police, advocacy, nhs, probation or all (the default)", DefaultValueFactory = _ => "all" };
        var csv = new Option<bool>("--csv")
        {
            Description = "CSV with a header line: one agency, one row per month (and borough); all agencies, one line per agency, month, borough and measure",
        };
        var command = new Command("stats", "The statistics of every agency by month (police also by borough): offences, s4A(i)/(ii), tiers, SPOs and why not, " +
            "outcomes, referral rates; advocacy referrals, first contact, caseloads, outcomes; NHS referrals, waiting, assessments, outcome measures; " +
            "probation PSRs, MAPPA, releases")
        {
            from, to, borough, agency, csv,
        };
        // The STAC coordinator (the police meeting chair) may read every agency's counts (record.meta only).
        command.Handle(env, Coordinator, async run =>
        {
            var which = run.Value(agency);
            if (which != "all" && !Agencies.Contains(which))
                throw new UsageException($"--agency: expected one of {string.Join(", ", Agencies)} or all; got {which}");
            var period = (From: run.Value(from) ?? "", To: run.Value(to) ?? "");
            var gathered = new List<(string Agency, IReadOnlyList<IMessage> Rows)>();
            foreach (var name in which == "all" ? Agencies : [which])
                gathered.Add((name, await RowsOf(name, run, period.From, period.To, run.Value(borough) ?? "")));

            if (run.Value(csv))
            {
                if (which == "police")
                    WriteCsv(run.Out, gathered[0].Rows.Cast<MonthlyStatistics>());
                else if (which != "all")
                    WriteAgencyCsv(run.Out, gathered[0].Rows);
                else
                    WriteLongCsv(run.Out, gathered);
                return MasipCli.Ok;
            }
            if (run.Json)
            {
                run.WriteJsonArray(gathered.SelectMany(g => g.Rows));
                return MasipCli.Ok;
            }
            foreach (var (name, rows) in gathered)
            {
                run.Out.WriteLine($"== {name}");
                if (name == "police")
                    PoliceTable(run.Out, rows.Cast<MonthlyStatistics>());
                else
                    MeasuresTable(run.Out, rows);
            }
            return MasipCli.Ok;
        });
        return command;
    }

    private static readonly CliIdentity Coordinator = new("police", "meeting-chair", "dev-police-meeting-chair");

    /// <summary>Every page of one agency's ListMonthlyStatistics, in the agency's order (month, then borough).</summary>
    private static async Task<IReadOnlyList<IMessage>> RowsOf(string agency, Invocation run, string from, string to, string borough)
    {
        var rows = new List<IMessage>();
        string token = "";
        do
        {
            var page = new Contracts.Common.PageRequest { PageSize = 500, PageToken = token };
            var channel = run.Channel(agency);
            (IEnumerable<IMessage> Rows, Contracts.Common.PageInfo Page) next = agency switch
            {
                "police" => Split(await new PoliceStatistics.PoliceStatisticsClient(channel).ListMonthlyStatisticsAsync(
                    new ListMonthlyStatisticsRequest { ReportedFrom = from, ReportedTo = to, Borough = borough, Page = page }, run.Call)),
                "advocacy" => Split(await new Contracts.Advocacy.AdvocacyStatistics.AdvocacyStatisticsClient(channel).ListMonthlyStatisticsAsync(
                    new Contracts.Advocacy.ListMonthlyStatisticsRequest { From = from, To = to, Page = page }, run.Call)),
                "nhs" => Split(await new Contracts.Nhs.NhsStatistics.NhsStatisticsClient(channel).ListMonthlyStatisticsAsync(
                    new Contracts.Nhs.ListMonthlyStatisticsRequest { From = from, To = to, Page = page }, run.Call)),
                _ => Split(await new Contracts.Probation.ProbationStatistics.ProbationStatisticsClient(channel).ListMonthlyStatisticsAsync(
                    new Contracts.Probation.ListMonthlyStatisticsRequest { From = from, To = to, Page = page }, run.Call)),
            };
            rows.AddRange(next.Rows);
            token = next.Page.NextPageToken;
        }
        while (token.Length > 0);
        return rows;
    }

    private static (IEnumerable<IMessage>, Contracts.Common.PageInfo) Split(MonthlyStatisticsReply r) => (r.Rows, r.Page);
    private static (IEnumerable<IMessage>, Contracts.Common.PageInfo) Split(Contracts.Advocacy.MonthlyStatisticsReply r) => (r.Rows, r.Page);
    private static (IEnumerable<IMessage>, Contracts.Common.PageInfo) Split(Contracts.Nhs.MonthlyStatisticsReply r) => (r.Rows, r.Page);
    private static (IEnumerable<IMessage>, Contracts.Common.PageInfo) Split(Contracts.Probation.MonthlyStatisticsReply r) => (r.Rows, r.Page);

    private static void PoliceTable(TextWriter writer, IEnumerable<MonthlyStatistics> rows)
    {
        var table = new Table("MONTH", "BOROUGH", "REPORTS", "S4A", "S2A", "S4A(I)", "S4A(II)", "DA", "ONLINE", "T1", "T2", "T3", "SPO CONS", "SPO GRANTED",
            "CLOSED", "ADVOCACY", "NHS", "PROBATION");
        foreach (var r in rows)
            table.Row(r.Month, r.Borough, r.Reports, r.S4A, r.S2A, r.S4AFearOfViolence, r.S4ASeriousAlarmOrDistress, r.DomesticAbuse,
                r.OnlineElement, r.Tier1, r.Tier2, r.Tier3, r.SpoConsidered, r.SpoGranted, r.Closed, Rate(r.ReferredToAdvocacy, r.AdvocacyReferralRate),
                Rate(r.ReferredToNhs, r.NhsReferralRate), Rate(r.ReferredToProbation, r.ProbationReferralRate));
        table.WriteTo(writer, "no reports in the period");
    }

    /// <summary>One line per month and measure: the other agencies' rows have more measures than a terminal is wide.</summary>
    private static void MeasuresTable(TextWriter writer, IReadOnlyList<IMessage> rows)
    {
        var table = new Table("MONTH", "MEASURE", "VALUE");
        foreach (var row in rows)
            foreach (var (measure, value) in Measures(row))
                table.Row(MonthOf(row), measure, value);
        table.WriteTo(writer, "nothing in the period");
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
                r.SpoConsidered, r.SpoWillApply, r.SpoNotApplying, r.SpoApplied, r.SpoGranted, r.SpoBreached, Counts(r.SpoStatuses), Counts(r.SpoWhyNot),
                r.MeanDaysApplicationToGrant, Counts(r.Relationships), Groups(r.ReferralRatesByTier), Groups(r.ReferralRatesByRelationship),
                r.ReviewedS4AI, r.ReviewedS4AIi, r.ReviewedS4ABoth,
            ];
            writer.WriteLine(string.Join(",", cells.Select(c => Field(Convert.ToString(c, CultureInfo.InvariantCulture) ?? ""))));
        }
    }

    // "16:2;17:1": one cell per map, ordered by key.
    private static string Counts(IEnumerable<CodeCount> counts) =>
        string.Join(";", counts.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => $"{c.Code}:{c.Count}"));

    // "1:4:2:1:0;2:...": group:reviewed:advocacy:nhs:probation, one cell per list, ordered by group.
    private static string Groups(IEnumerable<ReferralRates> groups) =>
        string.Join(";", groups.OrderBy(g => g.Group, StringComparer.Ordinal).Select(g => $"{g.Group}:{g.Reviewed}:{g.Advocacy}:{g.Nhs}:{g.Probation}"));

    /// <summary>
    /// One agency's rows as CSV, the columns its message's fields in declaration order: a list of
    /// code counts is one cell ("code:count;..."), a list of other groups one cell of their values.
    /// </summary>
    public static void WriteAgencyCsv(TextWriter writer, IReadOnlyList<IMessage> rows)
    {
        if (rows.Count == 0)
        {
            writer.WriteLine("month");
            return;
        }
        var fields = rows[0].Descriptor.Fields.InDeclarationOrder();
        writer.WriteLine(string.Join(",", fields.Select(f => f.Name)));
        foreach (var row in rows)
            writer.WriteLine(string.Join(",", fields.Select(f => Field(Cell(f.Accessor.GetValue(row))))));
    }

    private static string Cell(object value) => value switch
    {
        System.Collections.IList list => string.Join(";", list.Cast<IMessage>().Select(m =>
            string.Join(":", m.Descriptor.Fields.InDeclarationOrder().Select(f => Scalar(f.Accessor.GetValue(m)))))),
        _ => Scalar(value),
    };

    private static string Scalar(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    /// <summary>The header of the long form that gathers every agency.</summary>
    public static readonly string[] LongColumns = ["agency", "month", "borough", "measure", "value"];

    /// <summary>
    /// Every agency's rows as one CSV, one line per agency, month, borough (police only) and measure:
    /// a count by code is one measure per code ("home_office_outcomes.16"), a group's counts one per
    /// group and count ("referral_rates_by_tier.3.advocacy").
    /// </summary>
    public static void WriteLongCsv(TextWriter writer, IEnumerable<(string Agency, IReadOnlyList<IMessage> Rows)> agencies)
    {
        writer.WriteLine(string.Join(",", LongColumns));
        foreach (var (agency, rows) in agencies)
            foreach (var row in rows)
            {
                var borough = row.Descriptor.FindFieldByName("borough") is { } b ? Scalar(b.Accessor.GetValue(row)) : "";
                foreach (var (measure, value) in Measures(row))
                    writer.WriteLine(string.Join(",", new[] { agency, MonthOf(row), borough, measure, value }.Select(Field)));
            }
    }

    private static string MonthOf(IMessage row) => Scalar(row.Descriptor.FindFieldByName("month").Accessor.GetValue(row));

    /// <summary>Each measure of a row as (name, value), in the message's declaration order.</summary>
    public static IEnumerable<(string Measure, string Value)> Measures(IMessage row)
    {
        foreach (var field in row.Descriptor.Fields.InDeclarationOrder())
        {
            if (field.Name is "month" or "borough")
                continue;
            var value = field.Accessor.GetValue(row);
            if (value is not System.Collections.IList list)
            {
                yield return (field.Name, Scalar(value));
                continue;
            }
            foreach (IMessage item in list)
            {
                var parts = item.Descriptor.Fields.InDeclarationOrder();
                var key = Scalar(parts[0].Accessor.GetValue(item));
                if (parts.Count == 2)
                    yield return ($"{field.Name}.{key}", Scalar(parts[1].Accessor.GetValue(item)));
                else
                    foreach (var part in parts.Skip(1))
                        yield return ($"{field.Name}.{key}.{part.Name}", Scalar(part.Accessor.GetValue(item)));
            }
        }
    }

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
}
