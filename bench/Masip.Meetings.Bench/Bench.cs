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
        var calendar = app.Services.GetRequiredService<MeetingCalendar>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await store.Advanced.Clean.DeleteAllDocumentsAsync();
        await store.Advanced.Clean.DeleteAllEventDataAsync();

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        while (!calendar.IsWorkingDay(today))
            today = today.AddDays(1);
        var midnight = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var random = new Random(42);
        var clock = Stopwatch.StartNew();

        // 10,000 cases tiered over six months; 300 nominals; some activity for them.
        var candidates = new List<AgendaCandidate>();
        var nominals = new List<GriffinNominal>();
        for (var n = 0; n < 10_000; n++)
        {
            var at = midnight.AddDays(-1).AddMinutes(-random.Next(0, 180 * 24 * 60));
            var tier = random.Next(1, 4);
            candidates.Add(Candidates.From(new CaseTieredV1(Guid.NewGuid(), $"CRIS-B-{n:00000}", Guid.NewGuid(), n % 5 == 0 ? "s2A" : "s4A",
                tier, tier == 3 ? "high" : tier == 2 ? "medium" : "standard", "bench", at), Guid.NewGuid())!);
        }
        for (var n = 0; n < 300; n++)
        {
            var perpetrator = Guid.NewGuid();
            var nominal = Guid.NewGuid();
            var added = midnight.AddDays(-random.Next(30, 540));
            candidates.Add(Candidates.From(new NominalAddedV1(nominal, perpetrator, $"Test Person {n}", $"99/{n:000000}X", "bench", today.AddDays(90), added), Guid.NewGuid())!);
            nominals.Add(new GriffinNominal(perpetrator, nominal, true, added));
            if (n % 10 == 0)
                candidates.Add(Candidates.From(new NominalActivityV1(nominal, perpetrator, "bench contact", null, midnight.AddMinutes(random.Next(1, 300))), Guid.NewGuid())!);
        }
        // Today before the meeting: 12 newly tiered s4A, 3 breaches, 5 referrals not accepted.
        for (var n = 0; n < 12; n++)
            candidates.Add(Candidates.From(new CaseTieredV1(Guid.NewGuid(), $"CRIS-T-{n}", Guid.NewGuid(), "s4A", 1 + n % 3, "medium", "bench", midnight.AddMinutes(n + 1)), Guid.NewGuid())!);
        for (var n = 0; n < 3; n++)
            candidates.Add(Candidates.From(new SpoEventV1(Guid.NewGuid(), Guid.NewGuid(), "breached", "bench", midnight.AddMinutes(n + 20)), Guid.NewGuid())!);
        for (var n = 0; n < 5; n++)
            candidates.Add(Candidates.From(new AdvocacyReferralDecidedV1(Guid.NewGuid(), $"CRIS-R-{n}", false, null, midnight.AddMinutes(n + 40)), Guid.NewGuid())!);
        await store.BulkInsertDocumentsAsync(candidates);
        await store.BulkInsertDocumentsAsync(nominals);
        Console.WriteLine($"seeded {candidates.Count} candidates and {nominals.Count} nominals in {clock.ElapsedMilliseconds} ms");

        // The DMMs of the last four weeks, each taking what was new then; two actions overdue. Every
        // write goes through the command pipeline, as the gRPC endpoints' do.
        var pipeline = app.Services.GetRequiredService<CommandPipeline>();
        var chair = new Actor("bench-chair", "police", "meeting-chair");
        Task<Meeting> Schedule(Guid id, DateOnly date) => pipeline.Run(chair,
            async scope => (await scope.Stream<Meeting>(id)).AppendMany(ScheduleMeetingDecision.Decide(null,
                new ScheduleMeeting(id, MeetingTypes.Dmm, date, null, []), calendar, scope.Actor, scope.Now)),
            scope => scope.Require<Meeting>(id, "meeting_id"), default);
        Task<Meeting> Generate(Guid id) => pipeline.Run(chair,
            async scope =>
            {
                var stream = await scope.Existing<Meeting>(id, "meeting_id");
                var inputs = await AgendaInputsQuery.Load(scope.Session, stream.Aggregate!, scope.Cancellation);
                stream.AppendMany(GenerateAgendaDecision.Decide(stream.Aggregate!, inputs, scope.Now));
            },
            scope => scope.Require<Meeting>(id, "meeting_id"), default);

        clock.Restart();
        Guid? previous = null;
        string? firstItem = null;
        foreach (var date in calendar.Dates(MeetingTypes.Dmm, today.AddDays(-AgendaBuilder.LookbackDays), today.AddDays(-1)))
        {
            var id = Guid.NewGuid();
            await Schedule(id, date);
            var meeting = await Generate(id);
            previous = id;
            firstItem = meeting.Agenda.FirstOrDefault()?.ItemId;
        }
        if (previous is { } last && firstItem is not null)
        {
            await using var query = store.QuerySession();
            var held = await query.LoadAsync<Meeting>(last);
            for (var n = 0; n < 2; n++)
            {
                var actionId = Guid.NewGuid();
                await pipeline.Run(chair, async scope => (await scope.Stream<MeetingAction>(actionId)).AppendMany(AssignActionDecision.Decide(null, held,
                    new AssignAction(actionId, last, firstItem, "bench action", "police", "Bench Officer", today.AddDays(-1)), scope.Actor, scope.Now)), default);
            }
        }
        Console.WriteLine($"held the DMMs of the last {AgendaBuilder.LookbackDays} days in {clock.ElapsedMilliseconds} ms");

        var todayId = Guid.NewGuid();
        await Schedule(todayId, today);
        var agenda = await Generate(todayId);
        Console.WriteLine($"today's DMM agenda: {agenda.Agenda.Count} items, version {agenda.AgendaVersion}; "
            + string.Join(", ", agenda.Agenda.GroupBy(i => i.Type).Select(g => $"{g.Key} {g.Count()}")));

        var full = new List<double>();
        for (var n = 0; n < iterations; n++)
        {
            clock.Restart();
            await Generate(todayId);
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
