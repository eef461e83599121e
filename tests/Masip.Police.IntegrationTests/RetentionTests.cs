using Grpc.Core;
using Masip.Contracts.Audit;
using Masip.Contracts.DataProtection;
using Masip.Contracts.Police;
using Masip.ServiceDefaults.DataProtection;
using Masip.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>Retention (issue 19.4): the daily scan lists records past their schedule; a reviewer retains (with the reason) or disposes.</summary>
public sealed class RetentionTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _host = null!;

    public async Task InitializeAsync() => _host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task Age(IEnumerable<string> caseIds, string interval)
    {
        await using var connection = new NpgsqlConnection(bed.ConnectionStringFor(PoliceHost.Name));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"update masip.mt_doc_staccase set mt_last_modified = now() - interval '{interval}' where id::text = any(@ids)", connection);
        command.Parameters.AddWithValue("ids", caseIds.ToArray());
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> EventsOf(string caseId)
    {
        await using var connection = new NpgsqlConnection(bed.ConnectionStringFor(PoliceHost.Name));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from masip.mt_events where stream_id = @id::uuid and type <> 'disclosure_recorded'", connection);
        command.Parameters.AddWithValue("id", caseId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Records_past_their_schedule_are_listed_a_retained_one_keeps_its_reason_and_a_disposed_one_is_gone()
    {
        var reports = Enumerable.Range(0, 3).Select(_ => Synthetic.Report()).ToList();
        await new PoliceIntake.PoliceIntakeClient(_host.Channel).ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { reports } });
        var ids = reports.Select(r => Cases.Masip_CaseId(r.CrimeReference)).ToList();
        await Age(ids[..2], "11 years");   // past MoPI's 10-year review
        await Age(ids[2..], "9 years");    // not yet
        var scanner = _host.Services.GetRequiredService<RetentionScanner>();
        var dpo = new Masip.Contracts.DataProtection.DataProtection.DataProtectionClient(_host.ChannelAs("police", "auditor", "audit"));

        var opened = await scanner.ScanOnce(CancellationToken.None);
        var again = await scanner.ScanOnce(CancellationToken.None);
        var due = await dpo.ListRecordsDueForReviewAsync(new ListRecordsDueForReviewRequest { Page = new() { PageSize = 500 } });
        var mine = due.Reviews.Where(r => ids.Contains(r.RecordId)).ToList();
        Assert.True(opened >= 2);
        Assert.Equal(0, again);
        Assert.Equal(ids[..2].Order(), mine.Select(r => r.RecordId).Order());
        Assert.All(mine, r => Assert.Equal(("StacCase", "police.intelligence", "due"), (r.Record, r.DataClass, r.Status)));
        Assert.All(mine, r => Assert.StartsWith("Management of Police Information", r.Source));
        var (keep, dispose) = (mine.Single(r => r.RecordId == ids[0]), mine.Single(r => r.RecordId == ids[1]));

        var retained = await dpo.RetainRecordAsync(new RetainRecordRequest { ReviewId = keep.ReviewId, Reason = "Linked to an ongoing SPO" });
        var disposed = await dpo.DisposeRecordAsync(new DisposeRecordRequest { ReviewId = dispose.ReviewId, Reason = "No further policing purpose" });
        var disposedAgain = await dpo.DisposeRecordAsync(new DisposeRecordRequest { ReviewId = dispose.ReviewId, Reason = "No further policing purpose" });
        var retainDisposed = await Assert.ThrowsAsync<RpcException>(() =>
            dpo.RetainRecordAsync(new RetainRecordRequest { ReviewId = dispose.ReviewId, Reason = "changed my mind" }).ResponseAsync);
        var afterScan = await scanner.ScanOnce(CancellationToken.None);
        var dueAfter = await dpo.ListRecordsDueForReviewAsync(new ListRecordsDueForReviewRequest { Page = new() { PageSize = 500 } });
        var gone = await Assert.ThrowsAsync<RpcException>(() =>
            new PoliceIntake.PoliceIntakeClient(_host.Channel).GetCaseAsync(new GetCaseRequest { CaseId = ids[1] }).ResponseAsync);
        var kept = await new PoliceIntake.PoliceIntakeClient(_host.Channel).GetCaseAsync(new GetCaseRequest { CaseId = ids[0] });

        Assert.Equal(("retained", "Linked to an ongoing SPO"), (retained.Status, retained.Reason));
        Assert.True(DateTimeOffset.Parse(retained.NextReviewAt) > DateTimeOffset.UtcNow.AddYears(9));
        Assert.Equal("disposed", disposed.Status);
        Assert.Equal(disposed.ReviewedAt, disposedAgain.ReviewedAt);
        Assert.Equal(StatusCode.FailedPrecondition, retainDisposed.StatusCode);
        Assert.Equal(0, afterScan);
        Assert.DoesNotContain(dueAfter.Reviews, r => ids.Contains(r.RecordId));
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
        Assert.Equal(0, await EventsOf(ids[1]));
        Assert.Equal(reports[0].CrimeReference, kept.CrimeReference);
        var audit = await new DisclosureAudit.DisclosureAuditClient(_host.ChannelAs("police", "auditor"))
            .WhoSawSubjectAsync(new WhoSawSubjectRequest { SubjectKind = "record", SubjectId = ids[1] });
        Assert.Contains(audit.Entries, e => e.Operation == "DataProtection/DisposeRecord" && e.Reason == "No further policing purpose");
    }
}
