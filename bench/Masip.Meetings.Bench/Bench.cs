using System.Diagnostics;
using Marten;
using Masip.Contracts.Messages;
using Masip.Meetings.Actions;
using Masip.Meetings.Actions.Assigning;
using Masip.Meetings.Agenda.Candidates;
using Masip.Meetings.Agenda.Generating;
using Masip.Meetings.Calendar;
using Masip.Meetings.Calendar.Scheduling;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Masip.Meetings.Bench;

/// <summary>
/// Seeds a bench database (masip_bench_meetings on the server in ConnectionStrings__postgres:
/// `eval "$(deploy/masip env)"`) with 10,000 tiered cases over six months, 300 Griffin nominals,
/// the DMMs of the last four weeks, and today's day (12 new s4A, 3 breaches, 5 referrals not
/// accepted, 2 overdue actions); then times today's DMM agenda generation (load + build +
/// compare) and the build alone, printing p50/p99. Run:
/// <c>dotnet run -c Release --project bench/Masip.Meetings.Bench [-- iterations]</c>
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var iterations = args.Length > 0 ? int.Parse(args[0]) : 200;
        var builder = WebApplication.CreateBuilder([]);
        builder.Configuration["Masip:Database"] = "masip_bench_meetings";
        // The command pipeline audits with a keyed MAC; the bench's data is synthetic and thrown away.
        builder.Configuration[Masip.ServiceDefaults.Audit.AuditKey.ConfigurationKey] = "masip-bench-audit-key-for-synthetic-data-only";
        builder.AddMasipDefaults(MeetingsHost.Name, typeof(MeetingsHost).Assembly);
        builder.Services.AddMeetings();
        await using var app = builder.Build();
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await store.Advanced.Clean.DeleteAllDocumentsAsync();
        await store.Advanced.Clean.DeleteAllEventDataAsync();

        var day = await AgendaDay.SeedAsync(app.Services, 10_000, 300, Console.Out);
        var todayId = day.TodayId;
        var clock = Stopwatch.StartNew();
        var full = new List<double>();
        for (var n = 0; n < iterations; n++)
        {
            clock.Restart();
            await day.Generate(todayId);
            full.Add(clock.Elapsed.TotalMilliseconds);
        }
        await using var session = store.QuerySession();
        var loaded = (await session.LoadAsync<Meeting>(todayId))!;
        var inputs = await AgendaInputsQuery.Load(session, loaded, default);
        var build = new List<double>();
        for (var n = 0; n < iterations; n++)
        {
            clock.Restart();
            AgendaBuilder.Fingerprint(AgendaBuilder.Build(loaded, inputs));
            build.Add(clock.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"generate (load, build, compare; {iterations} runs): p50 {Percentile(full, 50):0.0} ms, p99 {Percentile(full, 99):0.0} ms");
        Console.WriteLine($"build and fingerprint only ({inputs.Candidates.Count} candidates in the window): p50 {Percentile(build, 50):0.00} ms, p99 {Percentile(build, 99):0.00} ms");
        return 0;
    }

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
