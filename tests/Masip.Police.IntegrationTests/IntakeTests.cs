using Google.Protobuf;
using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Police.IntegrationTests;

public sealed class IntakeTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private PoliceIntake.PoliceIntakeClient _intake = null!;

    public async Task InitializeAsync()
    {
        var host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        _intake = new PoliceIntake.PoliceIntakeClient(host.Channel);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Importing_a_night_twice_leaves_one_report_each_and_a_changed_record_is_an_amendment()
    {
        var night = Enumerable.Range(0, 1000).Select(i => Synthetic.Report(suspect: $"Test Suspect {i}")).ToList();
        var request = new ImportCrimeReportsRequest { Records = { night } };

        var first = await _intake.ImportCrimeReportsAsync(request);
        var again = await _intake.ImportCrimeReportsAsync(request);
        var changed = night[7].Clone();
        changed.PrincipalClassification = "s2A";
        var amended = await _intake.ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { changed } });

        Assert.Equal((1000, 0, 0, 0), (first.NewReports, first.Amended, first.Unchanged, first.Rejected));
        Assert.Equal((0, 0, 1000, 0), (again.NewReports, again.Amended, again.Unchanged, again.Rejected));
        Assert.Equal((0, 1, 0), (amended.NewReports, amended.Amended, amended.Unchanged));
        var caseId = Cases.Masip_CaseId(changed.CrimeReference);
        var view = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = caseId });
        Assert.Equal("s2A", view.PrincipalClassification);
        Assert.Equal(1, view.Amendments);
        Assert.Equal(["s4A", "s2A"], view.ClassificationHistory.Select(h => h.Principal));
    }

    [Fact]
    public async Task A_reference_twice_in_one_batch_is_new_then_amended()
    {
        var first = Synthetic.Report();
        var changed = first.Clone();
        changed.Summary = "Synthetic summary: now also waiting outside work.";

        var reply = await _intake.ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { first, changed } });

        Assert.Equal((1, 1, 0), (reply.NewReports, reply.Amended, reply.Rejected));
        var view = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = Cases.Masip_CaseId(first.CrimeReference) });
        Assert.Equal((changed.Summary, 1), (view.Summary, view.Amendments));
    }

    [Fact]
    public async Task A_malformed_line_is_rejected_with_its_line_and_reason_while_the_rest_imports()
    {
        var good1 = Synthetic.Report();
        var bad = Synthetic.Report();
        bad.Relationship = "";
        var good2 = Synthetic.Report();
        var lines = string.Join('\n', JsonFormatter.Default.Format(good1), "{ not json", JsonFormatter.Default.Format(bad), "",
            JsonFormatter.Default.Format(good2));

        var reply = await _intake.ImportCrimeReportsAsync(new ImportCrimeReportsRequest { JsonLines = lines });

        Assert.Equal((2, 2), (reply.NewReports, reply.Rejected));
        Assert.Equal([2, 3], reply.Rejections.Select(r => r.Line));
        Assert.StartsWith("json:", reply.Rejections[0].Reason);
        Assert.StartsWith("relationship:", reply.Rejections[1].Reason);
        Assert.Equal(bad.CrimeReference, reply.Rejections[1].CrimeReference);
        var missing = await Assert.ThrowsAsync<RpcException>(() =>
            _intake.GetCaseAsync(new GetCaseRequest { CaseId = Cases.Masip_CaseId(bad.CrimeReference) }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_single_report_with_a_future_offence_date_is_InvalidArgument_naming_the_field_and_nothing_is_stored()
    {
        var record = Synthetic.Report();
        record.OffenceDate = DateTime.UtcNow.Date.AddDays(3).ToString("yyyy-MM-dd");

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = record }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("record.offence_date: must not be in the future", error.Status.Detail);
        var missing = await Assert.ThrowsAsync<RpcException>(() =>
            _intake.GetCaseAsync(new GetCaseRequest { CaseId = Cases.Masip_CaseId(record.CrimeReference) }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task An_offence_date_older_than_twenty_years_is_InvalidArgument_naming_the_field_and_nothing_is_stored()
    {
        var record = Synthetic.Report();
        record.OffenceDate = "0001-01-01";

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = record }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal($"record.offence_date: must not be before {DateTime.UtcNow.Date.AddYears(-20):yyyy-MM-dd}", error.Status.Detail);
        var missing = await Assert.ThrowsAsync<RpcException>(() =>
            _intake.GetCaseAsync(new GetCaseRequest { CaseId = Cases.Masip_CaseId(record.CrimeReference) }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_single_report_imports_and_reads_back()
    {
        var record = Synthetic.Report();

        var view = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = record });

        Assert.Equal(record.CrimeReference, view.CrimeReference);
        Assert.Equal("awaiting-review", view.Status);
        Assert.Equal(record.VictimName, view.VictimName);
        Assert.Equal(["harassment"], view.IncludedClassifications);
        Assert.NotEqual("", view.PerpetratorId);
        var read = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = view.CaseId });
        Assert.Equal(view, read);
    }

    [Fact]
    public async Task An_unknown_case_is_NotFound_and_a_malformed_id_InvalidArgument()
    {
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            _intake.GetCaseAsync(new GetCaseRequest { CaseId = Guid.NewGuid().ToString() }).ResponseAsync);
        var malformed = await Assert.ThrowsAsync<RpcException>(() =>
            _intake.GetCaseAsync(new GetCaseRequest { CaseId = "case-1" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.StartsWith("case_id:", unknown.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
    }
}

internal static class Cases
{
    public static string Masip_CaseId(string crimeReference) => global::Masip.Police.Cases.StacCase.IdFor(crimeReference).ToString();
}
