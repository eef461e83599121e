using Grpc.Core;
using Masip.Contracts.Audit;
using Masip.Contracts.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>Restricted records (issue 17.5): named officers only, a reason on every read, the supervisor alerted.</summary>
public sealed class RestrictedRecordTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _host = null!;

    public async Task InitializeAsync() => _host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);

    public Task DisposeAsync() => Task.CompletedTask;

    private static Metadata Reason(string reason) => new() { { "x-masip-reason", reason } };

    [Fact]
    public async Task A_named_officer_reads_with_a_reason_that_is_audited_another_is_refused_and_the_supervisor_is_alerted_of_both()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (supervisor, named, other) = ($"di-{tag}", $"officer-a-{tag}", $"officer-b-{tag}");
        var record = Synthetic.Report();
        record.PolicePerpetrated = true;
        await new PoliceIntake.PoliceIntakeClient(_host.Channel).ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { record } });
        var caseId = Cases.Masip_CaseId(record.CrimeReference);
        var restricted = await new RestrictedRecords.RestrictedRecordsClient(_host.ChannelAs("police", "meeting-chair", subject: supervisor))
            .RestrictCaseAsync(new RestrictCaseRequest { CaseId = caseId, AccessList = { named }, Reason = "police-perpetrated" });
        var namedOfficer = new PoliceIntake.PoliceIntakeClient(_host.ChannelAs("police", "stac-officer", subject: named));
        var otherOfficer = new PoliceIntake.PoliceIntakeClient(_host.ChannelAs("police", "stac-officer", subject: other));

        var read = await namedOfficer.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, Reason("preparing the DMM"));
        var noReason = await Assert.ThrowsAsync<RpcException>(() => namedOfficer.GetCaseAsync(new GetCaseRequest { CaseId = caseId }).ResponseAsync);
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            otherOfficer.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, Reason("curious")).ResponseAsync);
        var command = await Assert.ThrowsAsync<RpcException>(() => new StacReviews.StacReviewsClient(_host.ChannelAs("police", "stac-officer", subject: other))
            .ReviewReportAsync(ReviewTests.Review(caseId)).ResponseAsync);
        var alerts = await new RestrictedRecords.RestrictedRecordsClient(_host.ChannelAs("police", "meeting-chair", subject: supervisor))
            .ListRestrictedAccessAlertsAsync(new ListRestrictedAccessAlertsRequest());
        var othersAlerts = await new RestrictedRecords.RestrictedRecordsClient(_host.ChannelAs("police", "meeting-chair"))
            .ListRestrictedAccessAlertsAsync(new ListRestrictedAccessAlertsRequest());

        Assert.Equal((supervisor, named), (restricted.Restriction.RestrictedBy, Assert.Single(restricted.Restriction.AccessList)));
        Assert.Equal(record.VictimName, read.VictimName);
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.StartsWith("x-masip-reason:", noReason.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, command.StatusCode);
        Assert.Equal(
            [(named, "preparing the DMM", false), (named, "", true), (other, "curious", true)],
            alerts.Alerts.Reverse().Select(a => (a.AccessedBy, a.AccessReason, a.Refused)));
        Assert.All(alerts.Alerts, a => Assert.Equal(caseId, a.CaseId));
        Assert.DoesNotContain(othersAlerts.Alerts, a => a.CaseId == caseId);

        var audit = new DisclosureAudit.DisclosureAuditClient(_host.ChannelAs("police", "auditor"));
        // A read's disclosure is recorded beside its reply, not before it: wait for it.
        var trail = await Eventually.ValueAsync(async () =>
        {
            var entries = await audit.WhoSawSubjectAsync(new WhoSawSubjectRequest { SubjectKind = "case", SubjectId = caseId });
            return entries.Entries.Any(e => e.ViewerSub == named && e.Reason == "preparing the DMM") ? entries : null;
        }, TimeSpan.FromSeconds(30), "the named officer's read in the audit with its reason");
        Assert.DoesNotContain(trail.Entries, e => e.ViewerSub == other);
    }
}
