using System.CommandLine;
using System.Globalization;

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
        return demo;
    }
}
