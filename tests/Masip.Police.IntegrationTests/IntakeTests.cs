using System.Diagnostics;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Intake;
using Masip.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace Masip.Police.IntegrationTests;

public sealed class IntakeTests(TestBed bed, ITestOutputHelper output) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _host = null!;
    private PoliceIntake.PoliceIntakeClient _intake = null!;
    private PoliceIntake.PoliceIntakeClient _importer = null!; // the crime-system import: police/service

    public async Task InitializeAsync()
    {
        _host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        _intake = new PoliceIntake.PoliceIntakeClient(_host.Channel);
        _importer = new PoliceIntake.PoliceIntakeClient(_host.ChannelAs("police", "service"));
    }

    /// <summary>Streams a file's bytes in chunks (256 KiB, as the masip CLI sends them).</summary>
    private async Task<ImportNightReply> StreamAsync(byte[] file, Guid importId, int chunkBytes = 256 * 1024)
    {
        using var call = _importer.ImportNight();
        for (var offset = 0; offset < file.Length; offset += chunkBytes)
            await call.RequestStream.WriteAsync(new ImportNightChunk
            {
                ImportId = importId.ToString(),
                Data = ByteString.CopyFrom(file, offset, Math.Min(chunkBytes, file.Length - offset)),
            });
        await call.RequestStream.CompleteAsync();
        return await call;
    }

    internal static byte[] Line(CrimeReportRecord record) => Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(record));

    // The record as a JSON line, with the bytes of one string field's value replaced by raw bytes.
    private static byte[] LineWith(CrimeReportRecord record, string jsonName, byte[] value)
    {
        var marker = "@@VALUE@@";
        var json = JsonFormatter.Default.Format(record);
        var at = json.IndexOf($"\"{jsonName}\": \"", StringComparison.Ordinal) + jsonName.Length + 5;
        var end = json.IndexOf('"', at);
        var parts = (json[..at] + marker + json[end..]).Split(marker);
        return [.. Encoding.UTF8.GetBytes(parts[0]), .. value, .. Encoding.UTF8.GetBytes(parts[1])];
    }

    internal static byte[] NightOf(IEnumerable<byte[]> lines)
    {
        var file = new MemoryStream();
        foreach (var line in lines)
        {
            file.Write(line);
            file.WriteByte((byte)'\n');
        }
        return file.ToArray();
    }

    private async Task<long> EventCountAsync()
    {
        await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }

    [Fact]
    public async Task A_night_of_10000_lines_with_a_20MB_line_a_NUL_line_and_an_invalid_UTF8_line_imports_9997_and_names_the_three()
    {
        var lines = Enumerable.Range(1, 10_000).Select(_ => Line(Synthetic.Report())).ToList();
        lines[2500 - 1] = LineWith(Synthetic.Report(), "summary", Encoding.UTF8.GetBytes(new string('x', 20 * 1024 * 1024)));
        lines[5000 - 1] = LineWith(Synthetic.Report(), "victimName", [.. "Test "u8, 0, .. "Victim"u8]);
        lines[7500 - 1] = LineWith(Synthetic.Report(), "suspectName", [.. "Test "u8, 0xC3, 0x28, .. " Suspect"u8]);
        var file = NightOf(lines);

        var clock = Stopwatch.StartNew();
        var reply = await StreamAsync(file, Guid.NewGuid());
        output.WriteLine($"10,000 lines ({file.Length:N0} bytes) imported in {clock.Elapsed.TotalSeconds:F1} s: {reply.NewReports / clock.Elapsed.TotalSeconds:F0} reports/s");

        Assert.Equal((10_000, 9_997, 0, 0, 3, 0), (reply.Lines, reply.NewReports, reply.Amended, reply.Unchanged, reply.Rejected, reply.RejectionsNotListed));
        Assert.Equal([(2500, "summary"), (5000, "victim_name"), (7500, "suspect_name")], reply.Rejections.Select(r => (r.Line, r.Field)));
        Assert.StartsWith("summary: is too long: the line is 2097", reply.Rejections[0].Reason);
        Assert.Equal("victim_name: must not contain a NUL character", reply.Rejections[1].Reason);
        Assert.StartsWith("suspect_name: is not valid UTF-8", reply.Rejections[2].Reason);
        var stored = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = Cases.Masip_CaseId(ReferenceOf(lines[9_999])) });
        Assert.Equal("awaiting-review", stored.Status);
    }

    private static string ReferenceOf(byte[] line) =>
        JsonParser.Default.Parse<CrimeReportRecord>(Encoding.UTF8.GetString(line)).CrimeReference;

    [Fact]
    public async Task Re_running_a_night_changes_nothing_and_names_the_same_rejected_lines()
    {
        var lines = Enumerable.Range(1, 600).Select(_ => Line(Synthetic.Report())).ToList();
        var unknown = Synthetic.Report();
        lines[10 - 1] = [.. Line(unknown)[..^1], .. ",\"favouriteColour\": \"blue\"}"u8];
        var ancient = Synthetic.Report();
        ancient.OffenceDate = "0001-01-01";
        lines[550 - 1] = Line(ancient);
        var file = NightOf(lines);
        var importId = Guid.NewGuid();

        var first = await StreamAsync(file, importId);
        var events = await EventCountAsync();
        var again = await StreamAsync(file, importId);

        Assert.Equal((598, 0, 0, 2), (first.NewReports, first.Amended, first.Unchanged, first.Rejected));
        Assert.Equal((0, 0, 598, 2), (again.NewReports, again.Amended, again.Unchanged, again.Rejected));
        Assert.Equal(events, await EventCountAsync());
        Assert.Equal([(10, "favouriteColour", "is not a field of CrimeReportRecord"), (550, "offence_date", $"must not be before {DateTime.UtcNow.Date.AddYears(-20):yyyy-MM-dd}")],
            again.Rejections.Select(r => (r.Line, r.Field, r.Reason[(r.Field.Length + 2)..])));
        Assert.Equal(ancient.CrimeReference, again.Rejections[1].CrimeReference);
        Assert.Equal(first.Rejections, again.Rejections);
        await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(598, await session.Events.QueryAllRawEvents().Where(e => e.CorrelationId == importId.ToString() && e.EventTypeName == "crime_report_imported").CountAsync());
    }

    [Fact]
    public async Task More_rejected_lines_than_the_reply_lists_are_counted_never_dropped_silently()
    {
        var bad = PoliceIntakeGrpc.ListedRejections + 5;
        var file = NightOf([.. Enumerable.Repeat("{}"u8.ToArray(), bad), Line(Synthetic.Report())]);

        var reply = await StreamAsync(file, Guid.NewGuid());

        Assert.Equal((bad + 1, 1, bad), (reply.Lines, reply.NewReports, reply.Rejected));
        Assert.Equal((PoliceIntakeGrpc.ListedRejections, 5), (reply.Rejections.Count, reply.RejectionsNotListed));
        Assert.Equal(Enumerable.Range(1, PoliceIntakeGrpc.ListedRejections), reply.Rejections.Select(r => r.Line));
        Assert.All(reply.Rejections, r => Assert.Equal("crime_reference: is required", r.Reason));
    }

    [Fact]
    public async Task A_chunk_over_its_bound_or_with_another_import_id_is_InvalidArgument_naming_the_field()
    {
        var tooBig = await Assert.ThrowsAsync<RpcException>(() => StreamAsync(new byte[1024 * 1024 + 1], Guid.NewGuid(), chunkBytes: 1024 * 1024 + 1));
        using var call = _importer.ImportNight();
        var mixed = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await call.RequestStream.WriteAsync(new ImportNightChunk { ImportId = Guid.NewGuid().ToString(), Data = ByteString.CopyFromUtf8("{}\n") });
            await call.RequestStream.WriteAsync(new ImportNightChunk { ImportId = Guid.NewGuid().ToString(), Data = ByteString.CopyFromUtf8("{}\n") });
            await call.RequestStream.CompleteAsync();
            await call;
        });

        Assert.Equal((StatusCode.InvalidArgument, "data: must be at most 1048576 bytes; got 1048577"), (tooBig.StatusCode, tooBig.Status.Detail));
        Assert.Equal((StatusCode.InvalidArgument, "import_id: must be the same in every chunk of one import"), (mixed.StatusCode, mixed.Status.Detail));
    }

    [Fact]
    public async Task A_night_is_imported_only_by_the_crime_system_import_identity()
    {
        using var call = _intake.ImportNight();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await call.RequestStream.WriteAsync(new ImportNightChunk { ImportId = Guid.NewGuid().ToString(), Data = ByteString.CopyFrom(Line(Synthetic.Report())) });
            await call.RequestStream.CompleteAsync();
            await call;
        });

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
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
        var file = NightOf([Line(good1), "{ not json"u8.ToArray(), Line(bad), [], [.. "  "u8, .. Line(good2), .. "\r"u8]]);

        var reply = await StreamAsync(file, Guid.NewGuid());

        Assert.Equal((5, 2, 2), (reply.Lines, reply.NewReports, reply.Rejected));
        Assert.Equal([(2, "json"), (3, "relationship")], reply.Rejections.Select(r => (r.Line, r.Field)));
        Assert.StartsWith("json: the line is not a JSON object", reply.Rejections[0].Reason);
        Assert.Equal("relationship: is required", reply.Rejections[1].Reason);
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
