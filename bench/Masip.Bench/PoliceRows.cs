using System.Diagnostics;
using Marten;
using Masip.Contracts.Common;
using Masip.Contracts.Police;
using Masip.Police;
using Masip.Police.Bench;
using Masip.Police.Cases;
using Masip.Police.Reviews.Queue;
using Masip.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Masip.Bench;

/// <summary>
/// The overnight import (ImportCrimeReports in batches, through the command pipeline) beside a binary
/// COPY of the same rows into a scratch table; then the review queue read by 16 concurrent readers
/// through gRPC (audit on) beside the same SQL run directly by 16 readers.
/// </summary>
public static class PoliceRows
{
    private static readonly (string Name, Func<int, ReviewQueueFilter> Filter)[] Filters =
    [
        ("no filter", _ => new ReviewQueueFilter(null, null, null, null, null, null)),
        ("offence", _ => new ReviewQueueFilter(null, null, Offence.S4A, null, null, null)),
        ("borough", i => new ReviewQueueFilter(null, null, null, SyntheticNight.Boroughs[i % SyntheticNight.Boroughs.Length], null, null)),
        ("flag", _ => new ReviewQueueFilter(null, null, null, null, null, "online-element")),
        ("last 7 days", _ => new ReviewQueueFilter(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-7)), null, null, null, null, null)),
    ];

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchSize size, TextWriter log, CancellationToken ct)
    {
        await using var bed = new BenchBed();
        await bed.InitializeAsync();
        var host = await bed.Bed.StartAsync<PoliceHost>(PoliceHost.Name, BenchBed.Quiet);
        var channel = host.ChannelAs("police", "stac-officer");
        var intake = new PoliceIntake.PoliceIntakeClient(channel);
        var reviews = new StacReviews.StacReviewsClient(channel);
        var generator = new SyntheticNight(seed: 20261125, nominalCount: size.Nominals);
        await generator.CreateNominalsAsync(intake, reviews, new OperationGriffin.OperationGriffinClient(channel),
            new OperationGriffin.OperationGriffinClient(host.ChannelAs("police", "meeting-chair", "griffin")));

        // Import: the night's records are made before the clock starts, for both sides.
        var night = generator.Reports(size.Reports).ToList();
        var clock = Stopwatch.StartNew();
        int imported = 0, rejected = 0;
        foreach (var batch in night.Chunk(size.ImportBatch))
        {
            var reply = await intake.ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { batch } }, cancellationToken: ct);
            imported += reply.NewReports;
            rejected += reply.Rejected;
        }
        var importPerSecond = imported / clock.Elapsed.TotalSeconds;
        log.WriteLine($"import: {imported} new reports ({rejected} rejected) in {clock.Elapsed.TotalSeconds:0.0} s");
        var copyPerSecond = await CopyAsync(bed.Bed.ConnectionStringFor(PoliceHost.Name), night, ct);
        log.WriteLine($"raw binary COPY of the same {night.Count} rows: {copyPerSecond:0} rows/s");
        var importRow = new BenchRow($"import ({imported:#,0} reports)", "reports/s", importPerSecond, copyPerSecond, "binary COPY",
            ">= 10,000/s and >= 25% of COPY", importPerSecond >= 10_000 && importPerSecond >= 0.25 * copyPerSecond, Throughput: true);
        if (size.Only.Contains("import"))
            return [importRow];

        // The review queue: 16 readers through gRPC (authorisation, bounds, the disclosure audit), then the same SQL direct.
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var ours = await ReadersAsync(size, async i =>
        {
            var (_, filter) = Filters[i % Filters.Length];
            await reviews.GetReviewQueueAsync(Request(filter(i)), cancellationToken: ct);
        });
        await using var dataSource = NpgsqlDataSource.Create(bed.Bed.ConnectionStringFor(PoliceHost.Name));
        // The read path's SQL (page and total), captured from ReviewQueue.Read per filter and replayed directly.
        var captured = new List<CapturedSql>();
        for (var i = 0; i < Filters.Length * SyntheticNight.Boroughs.Length; i++)
        {
            await using var session = store.QuerySession();
            var sql = new CapturedSql();
            session.Logger = sql;
            await ReviewQueue.Read(session, Filters[i % Filters.Length].Filter(i), new PageRequest { PageSize = 50 }, ct);
            captured.Add(sql);
        }
        var raw = await ReadersAsync(size, async i =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await captured[i % captured.Count].ReplayAsync(connection, ct);
        });
        // Where the read path's SQL time goes (issue 15.7): each filter's statements once, timed alone,
        // and the plan of the slowest of them all.
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            var slowest = (Filter: 0, Statement: 0, Ms: 0.0);
            for (var f = 0; f < Filters.Length; f++)
            {
                var each = await captured[f].TimeEachAsync(connection, ct);
                log.WriteLine($"  review queue, {Filters[f].Name}:");
                for (var s = 0; s < each.Count; s++)
                {
                    log.WriteLine($"  {each[s].Ms,8:0.0} ms  {each[s].Text}");
                    if (each[s].Ms > slowest.Ms)
                        slowest = (f, s, each[s].Ms);
                }
            }
            log.WriteLine($"  the slowest statement's plan ({Filters[slowest.Filter].Name}):");
            foreach (var line in await captured[slowest.Filter].ExplainAsync(connection, slowest.Statement, ct))
                log.WriteLine($"    {line}");
        }
        var stored = (await reviews.GetReviewQueueAsync(new GetReviewQueueRequest(), cancellationToken: ct)).Page;
        var total = stored.Total;
        log.WriteLine($"review queue over {(stored.TotalIsEstimate ? "about " : "")}{total} reports awaiting review, {size.Readers} readers: p50 {ours.P50:0.0} ms, p99 {ours.P99:0.0} ms; "
            + $"the SQL direct: p50 {raw.P50:0.0} ms, p99 {raw.P99:0.0} ms");

        return
        [
            importRow,
            new BenchRow($"review queue p99 ({size.Readers} readers, {(stored.TotalIsEstimate ? "~" : "")}{total:#,0} awaiting)", "ms", ours.P99, raw.P99, "same SQL direct",
                "< 20 ms", ours.P99 < 20, Throughput: false),
        ];
    }

    private static GetReviewQueueRequest Request(ReviewQueueFilter filter) => new()
    {
        Offence = filter.Offence is null ? "" : "s4A",
        Borough = filter.Borough ?? "",
        Flag = filter.Flag ?? "",
        ReportedFrom = filter.From?.ToString("yyyy-MM-dd") ?? "",
        Page = new PageRequest { PageSize = 50 },
    };

    /// <summary>Runs <paramref name="query"/> from <see cref="BenchSize.Readers"/> concurrent readers (after a warm-up); latencies in ms.</summary>
    internal static async Task<(double P50, double P99)> ReadersAsync(BenchSize size, Func<int, Task> query)
    {
        for (var i = 0; i < 5; i++)
            await query(i);
        var latencies = new List<double>[size.Readers];
        await Task.WhenAll(Enumerable.Range(0, size.Readers).Select(reader => Task.Run(async () =>
        {
            latencies[reader] = [];
            for (var n = 0; n < size.QueriesPerReader; n++)
            {
                var started = Stopwatch.GetTimestamp();
                await query(reader * size.QueriesPerReader + n);
                latencies[reader].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var all = latencies.SelectMany(l => l).ToList();
        return (BenchSuite.Percentile(all, 0.50), BenchSuite.Percentile(all, 0.99));
    }

    /// <summary>Binary COPY of the records, column for column, into a scratch table; rows per second.</summary>
    private static async Task<double> CopyAsync(string connectionString, IReadOnlyList<CrimeReportRecord> night, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var create = new NpgsqlCommand("""
            drop table if exists bench_copy_scratch;
            create table bench_copy_scratch (crime_reference text primary key, reported_on date, offence_date date, principal text,
              domestic_abuse bool, online_element bool, children_involved bool, suspect_name text, suspect_dob date, suspect_pnc text,
              victim_name text, victim_phone text, relationship text, summary text, officer text, borough text, unit text)
            """, connection))
            await create.ExecuteNonQueryAsync(ct);
        var clock = Stopwatch.StartNew();
        await using (var writer = await connection.BeginBinaryImportAsync("copy bench_copy_scratch from stdin (format binary)", ct))
        {
            foreach (var r in night)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(r.CrimeReference, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(DateOnly.Parse(r.ReportedOn), NpgsqlDbType.Date, ct);
                await writer.WriteAsync(DateOnly.Parse(r.OffenceDate), NpgsqlDbType.Date, ct);
                await writer.WriteAsync(r.PrincipalClassification, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(r.DomesticAbuse, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(r.OnlineElement, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(r.ChildrenInvolved, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(r.SuspectName, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(DateOnly.Parse(r.SuspectDateOfBirth), NpgsqlDbType.Date, ct);
                await writer.WriteAsync(r.SuspectPncId, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(r.VictimName, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(r.VictimPhone, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(r.Relationship, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(r.Summary, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(r.OfficerInCase, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(r.Borough, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(r.Unit, NpgsqlDbType.Text, ct);
            }
            await writer.CompleteAsync(ct);
        }
        var perSecond = night.Count / clock.Elapsed.TotalSeconds;
        await using (var drop = new NpgsqlCommand("drop table bench_copy_scratch", connection))
            await drop.ExecuteNonQueryAsync(ct);
        return perSecond;
    }
}

/// <summary>A test bed (own databases, own virtual host) that the bench drops afterwards.</summary>
public sealed class BenchBed : IAsyncDisposable
{
    public static readonly Dictionary<string, string?> Quiet = new()
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Masip"] = "Warning",
        // One line per import batch: where its time goes (deciding, the COPY, the whole command).
        ["Logging:LogLevel:Masip.Police.Intake.ImportingCrimeReports"] = "Debug",
        // The readiness probe asks before the bus has started; that is not news.
        ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "None",
    };

    public TestBed Bed { get; } = new();

    public Task InitializeAsync() => Bed.InitializeAsync();

    public async ValueTask DisposeAsync() => await Bed.DisposeAsync();
}
