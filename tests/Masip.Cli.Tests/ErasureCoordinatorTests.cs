using System.Diagnostics;
using Grpc.Core;
using Masip.Contracts.Audit;
using Masip.Contracts.DataProtection;
using Masip.Contracts.Messages;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.ServiceDefaults.Matching;
using Masip.Testing;
using Npgsql;
using Xunit;

namespace Masip.Cli.Tests;

/// <summary>
/// Erasure fanned out by message (issue 19, item 3): the police DPO's one request reaches the four
/// agencies, each erases with its own logic and answers ids and counts; a dump of each agency's
/// database then holds none of the synthetic victim's values, and a resent request changes nothing.
/// </summary>
public sealed class ErasureCoordinatorTests(CliWorld world) : IClassFixture<CliWorld>
{
    private static readonly DateOnly Night = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly string[] Agencies = ["advocacy", "nhs", "police", "probation"];

    private ErasureCoordinator.ErasureCoordinatorClient Coordinator =>
        new(world.ChannelAs("police", "police", "auditor", "subject-access"));

    private static IReadOnlyList<string> VictimValues(CrimeReportRecord r) =>
        [.. new[] { r.VictimName, NameKey.For(r.VictimName), r.VictimPhone, r.VictimEmail, r.VictimAddress }.Where(v => !string.IsNullOrEmpty(v))];

    private Task<ErasureRequestReply> Completed(string requestId) => Eventually.ValueAsync(async () =>
    {
        var r = await Coordinator.GetErasureRequestAsync(new GetErasureRequestRequest { RequestId = requestId });
        return r.Complete ? r : null;
    }, TimeSpan.FromSeconds(60), "an answer from each of the four agencies");

    [Fact]
    public async Task An_erasure_request_reaches_the_four_agencies_and_no_dump_holds_the_victims_data_and_a_resent_request_changes_nothing()
    {
        var night = DemoNight.Generate(1904, Night);
        var file = Path.Combine(Path.GetTempPath(), $"masip-erasure-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, DemoNight.ToJsonLines(night));
        (await world.RunAsync("police", "import", file)).Succeeded();
        // One victim whose name no one else in the night holds, on a case no legal hold keeps (not police-perpetrated).
        var report = night.First(r => r.VictimPhone.Length > 0 && r.VictimAddress.Length > 0 && !r.PolicePerpetrated
            && night.Count(o => NameKey.For(o.VictimName) == NameKey.For(r.VictimName) || NameKey.For(o.SuspectName) == NameKey.For(r.VictimName)) == 1);
        var caseId = StacCase.IdFor(report.CrimeReference).ToString();
        var referral = (await world.RunAsync("police", "refer-victim", caseId, "--reason", "Synthetic: wants support", "--json")).Succeeded();
        var referralId = referral.Json.GetProperty("referral_id").GetString()!;
        await Eventually.ValueAsync(async () =>
        {
            var run = await world.RunAsync("advocacy", "referrals", "--json");
            return run.Code == 0 && run.Output.Contains(referralId) ? run : null;
        }, TimeSpan.FromSeconds(30), "the victim referral at advocacy");
        await new PoliceIntake.PoliceIntakeClient(world.ChannelAs("police", "police", "stac-officer")).GetCaseAsync(new GetCaseRequest { CaseId = caseId });

        var requestId = Guid.NewGuid().ToString();
        var request = new RequestErasureRequest { RequestId = requestId, Name = report.VictimName, Reason = "Art. 17 request, synthetic" };
        var made = await Coordinator.RequestErasureAsync(request);
        var again = await Coordinator.RequestErasureAsync(request);
        var other = await Assert.ThrowsAsync<RpcException>(() => Coordinator.RequestErasureAsync(
            new RequestErasureRequest { RequestId = requestId, Name = "Someone Else", Reason = "synthetic" }).ResponseAsync);
        var bad = await Assert.ThrowsAsync<RpcException>(() => Coordinator.RequestErasureAsync(
            new RequestErasureRequest { RequestId = Guid.NewGuid().ToString(), Name = "!!", Reason = "synthetic" }).ResponseAsync);
        var collected = await Completed(requestId);

        Assert.Equal(Agencies, made.Parts.Select(p => p.Agency));
        Assert.Equal(made.RequestedAt, again.RequestedAt);
        Assert.Equal(StatusCode.AlreadyExists, other.StatusCode);
        Assert.Equal((StatusCode.InvalidArgument, true), (bad.StatusCode, bad.Status.Detail.StartsWith("name:")));
        Assert.Equal(Agencies, collected.Parts.Select(p => p.Agency));
        Assert.All(collected.Parts, p => Assert.Equal(("erased", ""), (p.State, p.Refusal)));
        Assert.True(collected.Parts.Single(p => p.Agency == "police").RowsRewritten > 0, "police: nothing rewritten");
        Assert.True(collected.Parts.Single(p => p.Agency == "advocacy").RowsRewritten > 0, "advocacy: nothing rewritten");
        foreach (var agency in Agencies)
        {
            var dump = await PgDump(world.ConnectionStringFor(agency));
            foreach (var value in VictimValues(report))
                Assert.False(dump.Contains(value, StringComparison.OrdinalIgnoreCase), $"{agency}: the dump still holds a value of the victim's ({value.Length} characters)");
        }
        // Ids and the fact of the erasure stay in the audit.
        var audit = new DisclosureAudit.DisclosureAuditClient(world.ChannelAs("police", "police", "auditor"));
        var seen = await audit.WhoSawSubjectAsync(new WhoSawSubjectRequest { SubjectKind = "case", SubjectId = caseId });
        Assert.Contains(seen.Entries, e => e.Operation == "DataProtection/EraseSubject");
        Assert.Contains(seen.Entries, e => e.Operation.EndsWith("/GetCase"));

        // The same request resent under another message id (the key as it was): each agency's part is already answered.
        await world.PublishAsync(new SubjectErasureRequestedV1(Guid.Parse(requestId), NameKey.For(report.VictimName), null, DateTimeOffset.UtcNow), Guid.NewGuid());
        // A later request, answered by each agency after anything the resend could cause (each queue in order).
        var sentinel = Guid.NewGuid().ToString();
        await Coordinator.RequestErasureAsync(new RequestErasureRequest { RequestId = sentinel, Name = "Synthetic Nobody Atall", Reason = "synthetic" });
        await Completed(sentinel);
        var after = await Coordinator.GetErasureRequestAsync(new GetErasureRequestRequest { RequestId = requestId });
        Assert.Equal(collected.Parts.Select(p => (p.ErasureId, p.AnsweredAt, p.RowsRewritten)), after.Parts.Select(p => (p.ErasureId, p.AnsweredAt, p.RowsRewritten)));
        foreach (var part in collected.Parts)
        {
            await using var connection = new NpgsqlConnection(world.ConnectionStringFor(part.Agency));
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("select count(*) from masip.mt_events where stream_id = @id", connection);
            count.Parameters.AddWithValue("id", Guid.Parse(part.ErasureId));
            Assert.Equal(2L, (long)(await count.ExecuteScalarAsync())!); // SubjectErased and the answer, once
        }
    }

    [Fact]
    public async Task An_answer_that_arrives_before_its_request_is_kept_and_a_restricted_case_is_refused_with_its_reason()
    {
        // An answer first (the broker promises no order across streams), then the request it answers.
        var requestId = Guid.NewGuid();
        var early = Guid.NewGuid();
        await world.PublishAsync(new SubjectErasurePartV1(requestId, "nhs", early, "erased", 0, 0, "", DateTimeOffset.UtcNow), Guid.NewGuid());
        var before = await Assert.ThrowsAsync<RpcException>(() =>
            Coordinator.GetErasureRequestAsync(new GetErasureRequestRequest { RequestId = requestId.ToString() }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, before.StatusCode);

        // A police-perpetrated case is restricted on arrival: the police keep it (a legal hold) and say why.
        var restricted = DemoNight.Generate(1905, Night)[0];
        restricted.CrimeReference = $"DEMO-HOLD-{Guid.NewGuid():N}"[..18];
        restricted.PolicePerpetrated = true;
        restricted.VictimName = "Heldcase Synthetic Victim";
        restricted.SuspectName = "Heldcase Synthetic Suspect";
        var file = Path.Combine(Path.GetTempPath(), $"masip-erasure-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, DemoNight.ToJsonLines([restricted]));
        (await world.RunAsync("police", "import", file)).Succeeded();
        var name = restricted.VictimName;
        await Coordinator.RequestErasureAsync(new RequestErasureRequest { RequestId = requestId.ToString(), Name = name, Reason = "synthetic" });
        var collected = await Completed(requestId.ToString());

        Assert.Equal(early.ToString(), collected.Parts.Single(p => p.Agency == "nhs").ErasureId);
        var police = collected.Parts.Single(p => p.Agency == "police");
        Assert.Equal("refused", police.State);
        Assert.Contains(StacCase.IdFor(restricted.CrimeReference).ToString(), police.Refusal);
        Assert.StartsWith("legal hold:", police.Refusal);
        Assert.Equal("erased", collected.Parts.Single(p => p.Agency == "advocacy").State);
    }

    private static async Task<string> PgDump(string connectionString)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo("pg_dump", ["-h", c.Host!, "-p", c.Port.ToString(), "-U", c.Username!, "--no-owner", c.Database!])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["PGPASSWORD"] = c.Password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_dump: {await error}");
        return await output;
    }
}
