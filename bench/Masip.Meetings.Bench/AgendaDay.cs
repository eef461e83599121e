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
/// A synthetic DMM day on a meetings service's store: <c>cases</c> tiered cases over six months,
/// <c>nominalCount</c> Griffin nominals (one in ten with PNC activity today), the DMMs of the last
/// four weeks (two actions overdue), and today's morning (12 new s4A, 3 breaches, 5 referrals not
/// accepted); today's DMM scheduled and its agenda generated once. Every write after the seed goes
/// through the command pipeline, as the gRPC endpoints' do. Shared by Masip.Meetings.Bench and Masip.Bench.
/// </summary>
public sealed class AgendaDay
{
    private static readonly Actor Chair = new("bench-chair", "police", "meeting-chair");
    private readonly MeetingCalendar _calendar;

    private AgendaDay(IServiceProvider services)
    {
        Pipeline = services.GetRequiredService<CommandPipeline>();
        _calendar = services.GetRequiredService<MeetingCalendar>();
    }

    public CommandPipeline Pipeline { get; }

    /// <summary>Today's DMM, whose agenda the benchmarks generate.</summary>
    public Guid TodayId { get; } = Guid.NewGuid();

    public Task<Meeting> Schedule(Guid id, DateOnly date) => Pipeline.Run(Chair,
        async scope => (await scope.Stream<Meeting>(id)).AppendMany(ScheduleMeetingDecision.Decide(null,
            new ScheduleMeeting(id, MeetingTypes.Dmm, date, null, []), _calendar, scope.Actor, scope.Now)),
        scope => scope.Require<Meeting>(id, "meeting_id"), default);

    /// <summary>GenerateAgenda as its endpoint runs it: load the inputs, build, compare, append.</summary>
    public Task<Meeting> Generate(Guid id) => Pipeline.Run(Chair,
        async scope =>
        {
            var stream = await scope.Existing<Meeting>(id, "meeting_id");
            var inputs = await AgendaInputsQuery.Load(scope.Session, stream.Aggregate!, scope.Cancellation);
            stream.AppendMany(GenerateAgendaDecision.Decide(stream.Aggregate!, inputs, scope.Now));
        },
        scope => scope.Require<Meeting>(id, "meeting_id"), default);

    public static async Task<AgendaDay> SeedAsync(IServiceProvider services, int cases, int nominalCount, TextWriter log)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var calendar = services.GetRequiredService<MeetingCalendar>();
        var day = new AgendaDay(services);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        while (!calendar.IsWorkingDay(today))
            today = today.AddDays(1);
        var midnight = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var random = new Random(42);
        var clock = Stopwatch.StartNew();

        // 10,000 cases tiered over six months; 300 nominals; some activity for them.
        var candidates = new List<AgendaCandidate>();
        var nominals = new List<GriffinNominal>();
        for (var n = 0; n < cases; n++)
        {
            var at = midnight.AddDays(-1).AddMinutes(-random.Next(0, 180 * 24 * 60));
            var tier = random.Next(1, 4);
            candidates.Add(Candidates.From(new CaseTieredV1(Guid.NewGuid(), $"CRIS-B-{n:00000}", Guid.NewGuid(), n % 5 == 0 ? "s2A" : "s4A",
                tier, tier == 3 ? "high" : tier == 2 ? "medium" : "standard", "bench", at), Guid.NewGuid())!);
        }
        for (var n = 0; n < nominalCount; n++)
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
        log.WriteLine($"seeded {candidates.Count} candidates and {nominals.Count} nominals in {clock.ElapsedMilliseconds} ms");

        // The DMMs of the last four weeks, each taking what was new then; two actions overdue. Every
        // write goes through the command pipeline, as the gRPC endpoints' do.
        clock.Restart();
        Guid? previous = null;
        string? firstItem = null;
        foreach (var date in calendar.Dates(MeetingTypes.Dmm, today.AddDays(-AgendaBuilder.LookbackDays), today.AddDays(-1)))
        {
            var id = Guid.NewGuid();
            await day.Schedule(id, date);
            var meeting = await day.Generate(id);
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
                await day.Pipeline.Run(Chair, async scope => (await scope.Stream<MeetingAction>(actionId)).AppendMany(AssignActionDecision.Decide(null, held,
                    new AssignAction(actionId, last, firstItem, "bench action", "police", "Bench Officer", today.AddDays(-1)), scope.Actor, scope.Now)), default);
            }
        }
        log.WriteLine($"held the DMMs of the last {AgendaBuilder.LookbackDays} days in {clock.ElapsedMilliseconds} ms");

        await day.Schedule(day.TodayId, today);
        var agenda = await day.Generate(day.TodayId);
        log.WriteLine($"today's DMM agenda: {agenda.Agenda.Count} items, version {agenda.AgendaVersion}; "
            + string.Join(", ", agenda.Agenda.GroupBy(i => i.Type).Select(g => $"{g.Key} {g.Count()}")));
        return day;
    }
}
