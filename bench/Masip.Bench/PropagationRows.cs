using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using Marten;
using Masip.Advocacy;
using Masip.Advocacy.Referrals;
using Masip.Contracts.Police;
using Masip.Police;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Masip.Bench;

/// <summary>
/// Police commit -> advocacy referral readable (the outbox relay, RabbitMQ, advocacy's inbox consumer),
/// beside a raw RabbitMQ.Client loop on a scratch queue of the same broker: persistent publish with
/// confirms, consume with acks. Both at the same offered rate (latency), and as fast as they go (throughput).
/// </summary>
public static class PropagationRows
{
    private const int InFlight = 64;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchSize size, TextWriter log, CancellationToken ct)
    {
        await using var bed = new BenchBed();
        await bed.InitializeAsync();
        var advocacyHost = await bed.Bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name, BenchBed.Quiet);
        var police = await bed.Bed.StartAsync<PoliceHost>(PoliceHost.Name, BenchBed.Quiet);
        var channel = police.ChannelAs("police", "stac-officer");
        var referrals = new PoliceReferrals.PoliceReferralsClient(channel);
        var advocacy = advocacyHost.Services.GetRequiredService<IDocumentStore>();

        // The referrals name cases the police hold: a few cases, a different (synthetic) victim per referral.
        var cases = new SyntheticNightCases(50);
        await new PoliceIntake.PoliceIntakeClient(channel).ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { cases.Records } }, cancellationToken: ct);
        var referralNumber = 0;
        async Task<Guid> Refer()
        {
            var request = cases.Referral(Interlocked.Increment(ref referralNumber));
            await referrals.ReferVictimToAdvocacyAsync(request, cancellationToken: ct);
            return Guid.Parse(request.ReferralId);
        }

        // Warm-up: the path once, end to end.
        await Track(advocacy, Refer, count: 5, rate: null, log, ct);
        // Sustained: the offered rate for the duration (what the path cannot take in that time is not sent, and the achieved rate says so).
        var sustained = await Track(advocacy, Refer, size.PropagationRate * (int)size.PropagationFor.TotalSeconds, size.PropagationRate, log, ct,
            sendFor: size.PropagationFor);
        var burst = await Track(advocacy, Refer, size.Messages, rate: null, log, ct);
        log.WriteLine($"propagation at {sustained.OfferedRate:0}/s offered, {sustained.AchievedRate:0}/s sent: p50 {sustained.P50:0.0} ms, p99 {sustained.P99:0.0} ms; "
            + $"as fast as it goes: {burst.Throughput:0} referrals/s");

        var rawSustained = await RawLoopAsync(bed.Bed.Broker, size.PropagationRate * (int)size.PropagationFor.TotalSeconds, size.PropagationRate, ct);
        var rawBurst = await RawLoopAsync(bed.Bed.Broker, size.Messages, rate: null, ct);
        log.WriteLine($"raw RabbitMQ loop at {rawSustained.OfferedRate:0}/s: p50 {rawSustained.P50:0.0} ms, p99 {rawSustained.P99:0.0} ms; "
            + $"as fast as it goes: {rawBurst.Throughput:0} msgs/s");

        return
        [
            new BenchRow($"propagation p99 police->advocacy ({sustained.AchievedRate:0}/s sent of {size.PropagationRate}/s, {size.PropagationFor.TotalSeconds:0} s)",
                "ms", sustained.P99, rawSustained.P99, "raw publish/consume", "< 100 ms at 1,000/s",
                sustained.P99 < 100 && sustained.AchievedRate >= 0.95 * 1000, Throughput: false),
            new BenchRow($"relay throughput ({size.Messages:#,0} referrals)", "msgs/s", burst.Throughput, rawBurst.Throughput, "raw publish/consume",
                ">= 10% of raw", burst.Throughput >= 0.10 * rawBurst.Throughput, Throughput: true),
        ];
    }

    private sealed record Run(double OfferedRate, double AchievedRate, double P50, double P99, double Throughput);

    /// <summary>
    /// Sends <paramref name="count"/> referrals (at <paramref name="rate"/> per second, or as fast as
    /// <see cref="InFlight"/> concurrent calls go), or as many as fit in <paramref name="sendFor"/>,
    /// and times each from its commit (the reply) until advocacy's store holds it (polled every 2 ms).
    /// </summary>
    private static async Task<Run> Track(IDocumentStore advocacy, Func<Task<Guid>> refer, int count, int? rate, TextWriter log, CancellationToken ct, TimeSpan? sendFor = null)
    {
        _ = log;
        var committed = new ConcurrentDictionary<Guid, long>();
        var latencies = new List<double>(count);
        var started = Stopwatch.GetTimestamp();
        var attempted = 0;

        var sender = Task.Run(async () =>
        {
            using var gate = new SemaphoreSlim(InFlight);
            var calls = new List<Task>(count);
            for (var i = 0; i < count && (sendFor is null || Stopwatch.GetElapsedTime(started) < sendFor); i++)
            {
                if (rate is { } r)
                {
                    var due = started + (long)(i * Stopwatch.Frequency / (double)r);
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                    if (wait > TimeSpan.FromMilliseconds(1))
                        await Task.Delay(wait, ct);
                }
                await gate.WaitAsync(ct);
                Interlocked.Increment(ref attempted);
                calls.Add(Task.Run(async () =>
                {
                    try
                    {
                        var id = await refer();
                        committed[id] = Stopwatch.GetTimestamp();
                    }
                    finally
                    {
                        gate.Release();
                    }
                }, ct));
            }
            await Task.WhenAll(calls);
        }, ct);
        var sent = 0.0;

        // Advocacy's store is asked, every 2 ms, which of the committed referrals not yet seen it holds.
        long lastArrival = started;
        while (true)
        {
            if (sender.IsCompleted && sent == 0)
            {
                await sender; // rethrows a failed call
                sent = Stopwatch.GetElapsedTime(started).TotalSeconds;
            }
            var pending = committed.Keys.ToArray();
            if (pending.Length > 0)
            {
                await using var session = advocacy.QuerySession();
                var arrived = await session.Query<Referral>().Where(r => pending.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
                var now = Stopwatch.GetTimestamp();
                foreach (var id in arrived)
                    if (committed.TryRemove(id, out var at))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(at, now).TotalMilliseconds);
                        lastArrival = now;
                    }
            }
            if (sent > 0 && latencies.Count >= attempted)
                break;
            if (Stopwatch.GetElapsedTime(lastArrival) > TimeSpan.FromMinutes(2))
                throw new TimeoutException($"{attempted - latencies.Count} of {attempted} referrals did not reach advocacy within 2 minutes");
            await Task.Delay(2, ct);
        }
        var list = latencies;
        return new Run(rate ?? 0, attempted / sent, BenchSuite.Percentile(list, 0.5), BenchSuite.Percentile(list, 0.99),
            attempted / Stopwatch.GetElapsedTime(started, lastArrival).TotalSeconds);
    }
    /// <summary>The raw loop: persistent messages of 1 KB published with confirms (a page at a time) and consumed with acks.</summary>
    private static async Task<Run> RawLoopAsync(Uri broker, int count, int? rate, CancellationToken ct)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync(ct);
        await using var publisher = await connection.CreateChannelAsync(new CreateChannelOptions(true, true), ct);
        await using var consumer = await connection.CreateChannelAsync(cancellationToken: ct);
        var queue = "bench-scratch-" + Guid.NewGuid().ToString("N")[..8];
        await publisher.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: true, cancellationToken: ct);
        await consumer.BasicQosAsync(0, 200, false, ct);
        var latencies = new List<double>(count);
        var received = 0;
        var done = new TaskCompletionSource();
        long lastArrival = 0;
        var receiver = new AsyncEventingBasicConsumer(consumer);
        receiver.ReceivedAsync += async (_, delivery) =>
        {
            var now = Stopwatch.GetTimestamp();
            var at = BinaryPrimitives.ReadInt64LittleEndian(delivery.Body.Span);
            await consumer.BasicAckAsync(delivery.DeliveryTag, false, ct);
            latencies.Add(Stopwatch.GetElapsedTime(at, now).TotalMilliseconds);
            lastArrival = now;
            if (++received == count)
                done.TrySetResult();
        };
        await consumer.BasicConsumeAsync(queue, autoAck: false, receiver, ct);
        var properties = new BasicProperties { Persistent = true };
        var started = Stopwatch.GetTimestamp();
        using var gate = new SemaphoreSlim(InFlight);
        var publishes = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            if (rate is { } r)
            {
                var due = started + (long)(i * Stopwatch.Frequency / (double)r);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.FromMilliseconds(1))
                    await Task.Delay(wait, ct);
            }
            await gate.WaitAsync(ct);
            var body = new byte[1024];
            BinaryPrimitives.WriteInt64LittleEndian(body, Stopwatch.GetTimestamp());
            publishes.Add(PublishAsync(publisher, queue, properties, body, gate, ct));
        }
        await Task.WhenAll(publishes);
        var sentFor = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await done.Task.WaitAsync(TimeSpan.FromMinutes(5), ct);
        await publisher.QueueDeleteAsync(queue, cancellationToken: ct);
        return new Run(rate ?? 0, count / sentFor, BenchSuite.Percentile(latencies, 0.5), BenchSuite.Percentile(latencies, 0.99),
            count / Stopwatch.GetElapsedTime(started, lastArrival).TotalSeconds);
    }

    private static async Task PublishAsync(IChannel channel, string queue, BasicProperties properties, byte[] body, SemaphoreSlim gate, CancellationToken ct)
    {
        try
        {
            await channel.BasicPublishAsync("", queue, mandatory: false, properties, body, ct);
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>A few synthetic s4A cases, and referrals of made-up victims in them (one victim per referral: no duplicates).</summary>
internal sealed class SyntheticNightCases(int count)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    public IEnumerable<CrimeReportRecord> Records => Enumerable.Range(0, count).Select(i => new CrimeReportRecord
    {
        CrimeReference = Reference(i), ReportedOn = DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd"),
        OffenceDate = DateTime.UtcNow.Date.AddDays(-10).ToString("yyyy-MM-dd"), PrincipalClassification = "s4A",
        VictimName = $"Test Victim {i}", Relationship = "ex-partner", Summary = "Synthetic.", OfficerInCase = "officer-12", Borough = "Borough 01",
    });

    public ReferVictimToAdvocacyRequest Referral(int n) => new()
    {
        ReferralId = Guid.NewGuid().ToString(),
        CrimeReference = Reference(n % count),
        VictimName = $"Test Victim {_run} {n}",
        VictimPhone = "07700 900123",
        Reason = "s4A case, victim asked for support",
    };

    private string Reference(int i) => $"CRIS-PROP-{_run}-{i:0000}";
}
