using System.CommandLine;
using System.Globalization;
using Masip.Contracts.Police;

namespace Masip.Cli;

/// <summary>`masip demo night`: writes a seeded synthetic night of crime reports.</summary>
public static class DemoCommands
{
    public static Command Build(CliEnvironment env)
    {
        var demo = new Command("demo", "Synthetic demo data (all made up)");
        var seed = new Option<int>("--seed") { Description = "Same seed and date, same reports", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo?>("--out") { Description = "Write here (default: the standard output)" };
        var date = new Option<string?>("--date") { Description = "The morning the reports arrive, yyyy-MM-dd (default: today)" };
        var s4a = new Option<int>("--s4a") { Description = "s4A reports (London: about 12 a night)", DefaultValueFactory = _ => 12 };
        var s2a = new Option<int>("--s2a") { DefaultValueFactory = _ => 24 };
        var breaches = new Option<int>("--breaches") { DefaultValueFactory = _ => 3 };
        var harassment = new Option<int>("--harassment") { DefaultValueFactory = _ => 5 };
        var malicious = new Option<int>("--malicious-communications") { DefaultValueFactory = _ => 4 };
        var night = new Command("night", "A night of synthetic crime reports as JSON lines, in the `masip police import` format")
        {
            seed, output, date, s4a, s2a, breaches, harassment, malicious,
        };
        night.Validators.Add(r =>
        {
            if (r.GetValue(date) is { } d && !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                r.AddError("--date: expected yyyy-MM-dd");
            foreach (var o in new[] { s4a, s2a, breaches, harassment, malicious })
                if (r.GetValue(o) is < 0 or > 10000)
                    r.AddError($"{o.Name}: expected 0..10000");
        });
        night.Handle(env, new CliIdentity("police", "stac-officer", "dev-police-stac-officer"), async run =>
        {
            var day = run.Value(date) is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : run.Today;
            var mix = new NightMix(run.Value(s4a), run.Value(s2a), run.Value(breaches), run.Value(harassment), run.Value(malicious));
            var text = DemoNight.ToJsonLines(DemoNight.Generate(run.Value(seed), day, mix));
            if (run.Value(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, text, run.Cancellation);
                run.Error.WriteLine($"wrote {mix.Total} synthetic reports for {day:yyyy-MM-dd} to {file.FullName}");
            }
            else
            {
                run.Out.Write(text);
            }
            return MasipCli.Ok;
        });
        demo.Subcommands.Add(night);
        demo.Subcommands.Add(Nominals(env));
        return demo;
    }

    /// <summary>
    /// Griffin nominals through the real workflow: import one s4A report per synthetic nominal,
    /// review it as Tier 3 (officer), nominate (officer) and accept (chair).
    /// </summary>
    private static Command Nominals(CliEnvironment env)
    {
        var count = new Option<int>("--count") { Description = "How many nominals (London keeps about 300)", DefaultValueFactory = _ => 300 };
        count.Validators.Add(r => { if (r.GetValue(count) is < 1 or > 999) r.AddError("--count: expected 1..999"); });
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var command = new Command("nominals", "Create synthetic Operation Griffin nominals: import, Tier 3 review, nomination and the chair's acceptance for each") { count, seed };
        command.Handle(env, new CliIdentity("police", "stac-officer", "dev-police-stac-officer"), async run =>
        {
            var chair = new CliIdentity("police", "meeting-chair", "dev-police-meeting-chair");
            var reports = DemoNight.NominalReports(run.Value(seed), run.Today, run.Value(count));
            var intake = new PoliceIntake.PoliceIntakeClient(run.Channel("police"));
            var imported = new ImportCrimeReportsRequest();
            imported.Records.AddRange(reports);
            var result = await intake.ImportCrimeReportsAsync(imported, run.Call);
            if (result.Rejected > 0)
                throw new InvalidOperationException($"{result.Rejected} nominal reports were rejected: {result.Rejections[0].Reason}");
            var reviews = new StacReviews.StacReviewsClient(run.Channel("police"));
            var prefix = $"DEMO-GRIF-{run.Today:yyyyMMdd}-{run.Value(seed)}-";
            var cases = new List<string>();
            var page = new GetReviewQueueRequest
            {
                Offence = "s4A", ReportedFrom = run.Today.ToString("yyyy-MM-dd"), ReportedTo = run.Today.ToString("yyyy-MM-dd"),
                Page = new Masip.Contracts.Common.PageRequest { PageSize = 500 },
            };
            while (true)
            {
                var queue = await reviews.GetReviewQueueAsync(page, run.Call);
                cases.AddRange(queue.Items.Where(i => i.CrimeReference.StartsWith(prefix, StringComparison.Ordinal)).Select(i => i.CaseId));
                if (queue.Page.NextPageToken.Length == 0)
                    break;
                page.Page.PageToken = queue.Page.NextPageToken;
            }
            var griffin = new OperationGriffin.OperationGriffinClient(run.Channel("police", "griffin"));
            var decisions = new OperationGriffin.OperationGriffinClient(env.Channels("police", chair, "griffin"));
            var progress = new ProgressBar(run.Error, cases.Count, "nominals");
            var accepted = new List<NominalReply>();
            var done = 0;
            var gate = new SemaphoreSlim(4);
            await Task.WhenAll(cases.Select(async caseId =>
            {
                await gate.WaitAsync(run.Cancellation);
                try
                {
                    await reviews.ReviewReportAsync(new ReviewReportRequest
                    {
                        CaseId = caseId, Fixated = true, Obsessive = true, Unwanted = true, RepeatedConduct = true, RiskLevel = "high",
                        RiskRationale = "Synthetic: serial, escalating", Tier = 3, TierReasons = "Synthetic: Griffin candidate",
                    }, run.Call);
                    var nominal = await griffin.NominateToGriffinAsync(new NominateToGriffinRequest
                    {
                        CaseId = caseId, Criteria = { "high harm", "repeat" }, Rationale = "Synthetic: serial stalking",
                    }, run.Call);
                    if (nominal.Status == "nominated")
                        nominal = await decisions.DecideNominationAsync(new DecideNominationRequest
                        {
                            NominalId = nominal.NominalId, Decision = "accept", Reason = "Synthetic: meets the criteria",
                        }, run.Call);
                    lock (accepted)
                    {
                        accepted.Add(nominal);
                        progress.Report(++done);
                    }
                }
                finally
                {
                    gate.Release();
                }
            }));
            progress.Done();
            if (run.Json)
            {
                run.WriteJsonArray(accepted);
                return MasipCli.Ok;
            }
            var table = new Table("NOMINAL", "STATUS", "NAME", "PNC", "REVIEW DUE");
            foreach (var n in accepted.OrderBy(n => n.PncId, StringComparer.Ordinal))
                table.Row(n.NominalId, n.Status, n.PerpetratorName, n.PncId, n.ReviewDue);
            table.WriteTo(run.Out, "no new nominals (already created with this seed today? use another --seed)");
            run.Out.WriteLine($"{accepted.Count(n => n.Status == "accepted")} Griffin nominals accepted");
            return MasipCli.Ok;
        });
        return command;
    }
}
