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
/// append), beside the SQL that loading the inputs runs, captured from Marten and replayed directly.
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
            foreach (var (text, ms) in await sql.TimeEachAsync(connection, ct))
                log.WriteLine($"  {ms,8:0.0} ms  {text}");
        var p99 = BenchSuite.Percentile(ours, 0.99);
        var rawP99 = BenchSuite.Percentile(raw, 0.99);
        log.WriteLine($"DMM agenda generate ({size.AgendaRuns} runs): p50 {BenchSuite.Percentile(ours, 0.5):0.0} ms, p99 {p99:0.0} ms; "
            + $"its {sql.Commands.Count} input queries direct: p50 {BenchSuite.Percentile(raw, 0.5):0.0} ms, p99 {rawP99:0.0} ms");
        return
        [
            new BenchRow($"DMM agenda generate p99 ({size.AgendaNominals} nominals, {size.AgendaCases:#,0} cases)", "ms", p99, rawP99,
                "input SQL direct", "< 50 ms", p99 < 50, Throughput: false),
        ];
    }
}
