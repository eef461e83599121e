using System.Diagnostics;
using Marten;
using Masip.Meetings;
using Masip.Meetings.Agenda.Generating;
using Masip.Meetings.Bench;
using Masip.Meetings.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Masip.Bench;

/// <summary>
/// Today's DMM agenda generated through the command pipeline (load the inputs, build, compare,
/// append), beside the SQL that loading the inputs runs, captured from Marten and replayed directly;
/// then each attendee's own view of it (GetAgendaView over gRPC, every DMM role in turn, the
/// sharing agreement and the reply filter on), whose p99 is named in the row.
/// </summary>
public static class AgendaRows
{
    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchSize size, TextWriter log, CancellationToken ct)
    {
        await using var bed = new BenchBed();
        await bed.InitializeAsync();
        var host = await bed.Bed.StartAsync<MeetingsHost>(MeetingsHost.Name, BenchBed.Quiet);
        var day = await AgendaDay.SeedAsync(host.Services, size.AgendaCases, size.AgendaNominals, log);

        await day.Generate(day.TodayId);
        var ours = new List<double>(size.AgendaRuns);
        for (var n = 0; n < size.AgendaRuns; n++)
        {
            var started = Stopwatch.GetTimestamp();
            await day.Generate(day.TodayId);
            ours.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        // Each attendee's own view of today's agenda, the DMM roles in turn, over gRPC.
        string[][] roles = [["police", "meeting-chair"], ["police", "stac-officer"], ["probation", "probation-officer"], ["nhs", "clinician"], ["advocacy", "advocate"]];
        var viewers = roles.Select(r => new Masip.Contracts.Meetings.Meetings.MeetingsClient(host.ChannelAs(r[0], r[1], MeetingTypes.Dmm))).ToList();
        var request = new Masip.Contracts.Meetings.GetAgendaViewRequest { MeetingId = day.TodayId.ToString() };
        foreach (var viewer in viewers)
            await viewer.GetAgendaViewAsync(request, cancellationToken: ct);
        var views = new List<double>(size.AgendaRuns);
        for (var n = 0; n < size.AgendaRuns; n++)
        {
            var started = Stopwatch.GetTimestamp();
            await viewers[n % viewers.Count].GetAgendaViewAsync(request, cancellationToken: ct);
            views.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var viewsP99 = BenchSuite.Percentile(views, 0.99);
        log.WriteLine($"DMM agenda views ({size.AgendaRuns} calls, {viewers.Count} roles in turn): p50 {BenchSuite.Percentile(views, 0.5):0.0} ms, p99 {viewsP99:0.0} ms");

        var sql = new CapturedSql();
        await using (var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var meeting = (await session.LoadAsync<Meeting>(day.TodayId, ct))!;
            session.Logger = sql;
            await AgendaInputsQuery.Load(session, meeting, ct);
        }
        await using var dataSource = NpgsqlDataSource.Create(bed.Bed.ConnectionStringFor(MeetingsHost.Name));
        var raw = new List<double>(size.AgendaRuns);
        for (var n = 0; n <= size.AgendaRuns; n++)
        {
            var started = Stopwatch.GetTimestamp();
            await using (var connection = await dataSource.OpenConnectionAsync(ct))
                await sql.ReplayAsync(connection, ct);
            if (n > 0) // the first is the warm-up
                raw.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        // Where the input time goes: each statement once more, timed alone.
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            var each = await sql.TimeEachAsync(connection, ct);
            foreach (var (text, ms) in each)
                log.WriteLine($"  {ms,8:0.0} ms  {text}");
            // The slowest statement's plan: what bounds the inputs (issue 15.7).
            var slowest = each.IndexOf(each.MaxBy(e => e.Ms));
            log.WriteLine("  the slowest statement's plan:");
            foreach (var line in await sql.ExplainAsync(connection, slowest, ct))
                log.WriteLine($"    {line}");
        }
        var p99 = BenchSuite.Percentile(ours, 0.99);
        var rawP99 = BenchSuite.Percentile(raw, 0.99);
        log.WriteLine($"DMM agenda generate ({size.AgendaRuns} runs): p50 {BenchSuite.Percentile(ours, 0.5):0.0} ms, p99 {p99:0.0} ms; "
            + $"its {sql.Commands.Count} input queries direct: p50 {BenchSuite.Percentile(raw, 0.5):0.0} ms, p99 {rawP99:0.0} ms");
        return
        [
            new BenchRow($"DMM agenda generate p99 ({size.AgendaNominals} nominals, {size.AgendaCases:#,0} cases; each view p99: {viewsP99:0} ms)", "ms",
                p99, rawP99, "input SQL direct", "< 50 ms (generate and each view)", p99 < 50 && viewsP99 < 50, Throughput: false),
        ];
    }
}
