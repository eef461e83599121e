using System.Diagnostics;
using System.Text;
using Grpc.Core;
using Grpc.Net.Client;
using Masip.Contracts.Police;
using Masip.Meetings;
using Masip.Nhs;
using Masip.Police;
using Masip.Probation;
using Masip.Testing;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace Masip.Platform.Tests;

/// <summary>
/// The fault drill (issue 13.8): cases flow from police to advocacy, NHS, probation and meetings
/// (and on from advocacy and NHS to meetings) while advocacy is killed with -9 and restarted,
/// RabbitMQ is restarted and PostgreSQL is restarted. Every message must reach its receiver's
/// state exactly once. `deploy/masip faults --messages N` runs this test alone with N messages;
/// the test command runs it with 1,050 (150 cases, plus one probe case after each fault), among the
/// infrastructure-restart tests.
/// </summary>
[Collection(InfraRestarts.Name)]
[Trait("Category", "InfraRestart")]
public sealed class FaultDrillTests(TestBed bed, ITestOutputHelper output) : IClassFixture<TestBed>
{
    /// <summary>What one case sends: a victim referral, a tiering, an NHS and a probation referral, and the two awaiting-decision notices they cause.</summary>
    private const int MessagesPerCase = 7;
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Messages_to_four_agencies_arrive_exactly_once_through_a_killed_consumer_a_broker_restart_and_a_database_restart()
    {
        var messages = int.TryParse(Environment.GetEnvironmentVariable("MASIP_FAULT_MESSAGES"), out var n) && n > 0 ? n : 1050;
        var cases = (messages + MessagesPerCase - 1) / MessagesPerCase;
        var police = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        await bed.StartAsync<NhsHost>(NhsHost.Name);
        await bed.StartAsync<ProbationHost>(ProbationHost.Name);
        await bed.StartAsync<MeetingsHost>(MeetingsHost.Name);
        var advocacy = await bed.StartProcessAsync("advocacy");
        var drill = new Drill(bed, police.ChannelAs("police", "stac-officer"), cases);

        var sending = drill.SendAsync();
        var faults = new List<(string Fault, TimeSpan Recovery)>();
        await drill.Sent(cases / 4);
        faults.Add(("advocacy killed (-9) and restarted", await drill.Recovery(async () =>
        {
            advocacy.Kill();
            await bed.StopAsync(advocacy);
            advocacy = await bed.StartProcessAsync("advocacy");
        })));
        await drill.Sent(cases / 2);
        faults.Add(("RabbitMQ restarted", await drill.Recovery(async () =>
        {
            await bed.Infrastructure.StopBrokerAsync();
            await bed.Infrastructure.StartBrokerAsync();
        })));
        await drill.Sent(3 * cases / 4);
        faults.Add(("PostgreSQL restarted", await drill.Recovery(async () =>
        {
            await bed.Infrastructure.StopPostgresAsync();
            await bed.Infrastructure.StartPostgresAsync();
        })));
        await sending;
        var settled = await Eventually.TrueAsync(async () => (await drill.CountAsync()).All(c => c.Received >= c.Sent), Settle);

        var counts = await drill.CountAsync();
        var report = Report(counts, faults, settled);
        output.WriteLine(report);
        Assert.True(counts.All(c => c.Lost == 0 && c.Duplicated == 0), report);
        Assert.DoesNotContain(faults, f => f.Recovery == TimeSpan.MaxValue);
    }

    private static string Report(IReadOnlyList<Count> counts, List<(string Fault, TimeSpan Recovery)> faults, bool settled)
    {
        var text = new StringBuilder();
        text.AppendLine($"{"receiver",-38} {"sent",6} {"received",9} {"lost",5} {"duplicated",11}");
        foreach (var c in counts)
            text.AppendLine($"{c.Receiver,-38} {c.Sent,6} {c.Received,9} {c.Lost,5} {c.Duplicated,11}");
        text.AppendLine($"{"all",-38} {counts.Sum(c => c.Sent),6} {counts.Sum(c => c.Received),9} {counts.Sum(c => c.Lost),5} {counts.Sum(c => c.Duplicated),11}");
        foreach (var (fault, recovery) in faults)
            text.AppendLine(recovery == TimeSpan.MaxValue
                ? $"fault: {fault}: no delivery within {Settle.TotalMinutes:0} min"
                : $"fault: {fault}: a case sent after it reached advocacy {recovery.TotalSeconds:0.0} s after it began");
        text.AppendLine(settled ? "settled: every message arrived" : $"not settled within {Settle.TotalMinutes:0} min");
        return text.ToString();
    }

    private sealed record Count(string Receiver, long Sent, long Received, long Copies)
    {
        public long Lost => Math.Max(0, Sent - Received);
        public long Duplicated => Copies - Received;
    }

    private sealed record SentCase(Guid CaseId, string CrimeReference, Guid VictimReferral, Guid NhsReferral, Guid ProbationReferral);

    /// <summary>The cases the drill sends, and how much of them each receiver holds.</summary>
    private sealed class Drill(TestBed bed, GrpcChannel police, int cases)
    {
        private readonly List<SentCase> _sent = [];
        private readonly string _run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        private int _sentCount;
        private int _probes;

        public async Task SendAsync()
        {
            // Two senders side by side, as two officers would; each call is retried while a fault
            // makes the police answer Unavailable (its ids make the retry the same command).
            await Task.WhenAll(Enumerable.Range(0, 2).Select(async lane =>
            {
                for (var i = lane; i < cases; i += 2)
                {
                    var sent = await SendCaseAsync(i);
                    lock (_sent)
                        _sent.Add(sent);
                    Interlocked.Increment(ref _sentCount);
                }
            }));
        }

        public Task Sent(int count) =>
            Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref _sentCount) >= count), TimeSpan.FromMinutes(5));

        /// <summary>
        /// Runs the fault, then sends one more case (retried until the police can take it) and
        /// answers how long after the fault began that case's victim referral reached advocacy.
        /// </summary>
        public async Task<TimeSpan> Recovery(Func<Task> fault)
        {
            var clock = Stopwatch.StartNew();
            await fault();
            var probe = await SendCaseAsync(cases + Interlocked.Increment(ref _probes));
            lock (_sent)
                _sent.Add(probe);
            var arrived = await Eventually.TrueAsync(async () =>
                (await Events("probe", "advocacy", "referral_received", [probe.VictimReferral])).Received == 1, Settle);
            return arrived ? clock.Elapsed : TimeSpan.MaxValue;
        }

        private async Task<SentCase> SendCaseAsync(int i)
        {
            var crimeReference = $"CRIS-DRILL-{_run}-{i:D5}";
            var (victimReferral, nhsReferral, probationReferral) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
            var report = await Retried(() => new PoliceIntake.PoliceIntakeClient(police).ImportCrimeReportAsync(new ImportCrimeReportRequest
            {
                Record = new CrimeReportRecord
                {
                    CrimeReference = crimeReference, ReportedOn = DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd"),
                    OffenceDate = DateTime.UtcNow.Date.AddDays(-10).ToString("yyyy-MM-dd"), PrincipalClassification = "s4A",
                    SuspectName = $"Drill Suspect {_run} {i}", SuspectDateOfBirth = "1980-01-02", SuspectPncId = $"99/{i:D6}D",
                    VictimName = $"Drill Victim {_run} {i}", Relationship = "ex-partner", Summary = "Synthetic.",
                    OfficerInCase = "officer-drill", Borough = "Borough D",
                },
            }).ResponseAsync) ?? throw new InvalidOperationException($"case {i}: the import was refused on retry");
            await Retried(() => new StacReviews.StacReviewsClient(police).ReviewReportAsync(new ReviewReportRequest
            {
                CaseId = report.CaseId, Fixated = true, Obsessive = true, Unwanted = true, RepeatedConduct = true, RiskLevel = "high",
                RiskRationale = "synthetic", AdviceToOic = "refer", Tier = 2, TierReasons = "drill",
            }).ResponseAsync);
            var referrals = new PoliceReferrals.PoliceReferralsClient(police);
            await Retried(() => referrals.ReferVictimToAdvocacyAsync(new ReferVictimToAdvocacyRequest
            {
                ReferralId = victimReferral.ToString(), CrimeReference = crimeReference, VictimName = $"Drill Victim {_run} {i}",
                VictimPhone = "07700 900000", Reason = "drill",
            }).ResponseAsync);
            await Retried(() => referrals.ReferPerpetratorToNhsAsync(new ReferPerpetratorToNhsRequest
            {
                ReferralId = nhsReferral.ToString(), CaseId = report.CaseId, NhsService = "assessment", Reason = "drill",
            }).ResponseAsync);
            await Retried(() => referrals.ReferPerpetratorToProbationAsync(new ReferPerpetratorToProbationRequest
            {
                ReferralId = probationReferral.ToString(), CaseId = report.CaseId, Question = "known-to-probation", Reason = "drill",
            }).ResponseAsync);
            return new SentCase(Guid.Parse(report.CaseId), crimeReference, victimReferral, nhsReferral, probationReferral);
        }

        /// <summary>
        /// A call retried while the police cannot reach its database. A retry of a command whose
        /// first attempt committed before the connection dropped is refused as a repeat: that is
        /// the same command done once, so it counts as sent.
        /// </summary>
        private static async Task<T?> Retried<T>(Func<Task<T>> call) where T : class
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await call();
                }
                catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Aborted or StatusCode.DeadlineExceeded or StatusCode.Internal
                                             && attempt < 120)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500));
                }
                catch (RpcException e) when (attempt > 1 && e.StatusCode is StatusCode.AlreadyExists or StatusCode.FailedPrecondition)
                {
                    return null;
                }
            }
        }

        public async Task<IReadOnlyList<Count>> CountAsync()
        {
            List<SentCase> sent;
            lock (_sent)
                sent = [.. _sent];
            var cases = sent.Select(s => s.CaseId).ToArray();
            var caseIds = cases.Select(c => c.ToString()).ToArray();
            var victimReferrals = sent.Select(s => s.VictimReferral.ToString()).ToArray();
            var nhsReferrals = sent.Select(s => s.NhsReferral.ToString()).ToArray();
            return
            [
                await Events("advocacy: victim referrals", "advocacy", "referral_received", sent.Select(s => s.VictimReferral)),
                await Events("nhs: perpetrator referrals", "nhs", "referral_received", sent.Select(s => s.NhsReferral)),
                await Events("probation: perpetrator referrals", "probation", "referral_answered", sent.Select(s => s.ProbationReferral)),
                await Scalars("probation: tiered cases", "probation", sent.Count,
                    "select count(distinct id), count(*) from masip.mt_doc_tieredcase where id = any(@keys)", cases),
                await Scalars("meetings: tiered cases", "meetings", sent.Count,
                    "select count(distinct data ->> 'CaseId'), count(*) from masip.mt_doc_agendacandidate where data ->> 'Message' = 'CaseTieredV1' and data ->> 'CaseId' = any(@keys)", caseIds),
                await Scalars("meetings: advocacy awaiting decision", "meetings", sent.Count,
                    "select count(distinct data ->> 'ReferralId'), count(*) from masip.mt_doc_agendacandidate where data ->> 'Message' = 'ReferralAwaitingDecisionV1' and data ->> 'ReferralId' = any(@keys)", victimReferrals),
                await Scalars("meetings: nhs awaiting decision", "meetings", sent.Count,
                    "select count(distinct data ->> 'ReferralId'), count(*) from masip.mt_doc_agendacandidate where data ->> 'Message' = 'ReferralAwaitingDecisionV1' and data ->> 'ReferralId' = any(@keys)", nhsReferrals),
            ];
        }

        /// <summary>One arrival event per message: streams that hold it (received) and how many such events there are (copies).</summary>
        private Task<Count> Events(string receiver, string service, string eventType, IEnumerable<Guid> ids)
        {
            var keys = ids.ToArray();
            return Scalars(receiver, service, keys.Length,
                $"select count(distinct stream_id), count(*) from masip.mt_events where type = '{eventType}' and stream_id = any(@keys)", keys);
        }

        private async Task<Count> Scalars<TKey>(string receiver, string service, long sent, string sql, TKey[] keys)
        {
            try
            {
                await using var connection = new NpgsqlConnection(bed.ConnectionStringFor(service));
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(sql, connection);
                command.Parameters.AddWithValue("keys", keys);
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                return new Count(receiver, sent, reader.GetInt64(0), reader.GetInt64(1));
            }
            catch (Exception e) when (e is NpgsqlException or PostgresException or InvalidOperationException)
            {
                // PostgreSQL is restarting (or the table is not there yet): nothing counted this time.
                return new Count(receiver, sent, 0, 0);
            }
        }
    }
}
