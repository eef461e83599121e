using Grpc.Core;
using Masip.Contracts.Audit;
using Masip.Contracts.DataProtection;
using Masip.Contracts.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>Break-glass (issue 19.5): an officer not on a restricted case's list reads it in an emergency, with a reason; audited; the DPO alerted.</summary>
public sealed class BreakGlassTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _host = null!;

    public async Task InitializeAsync() => _host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_break_glass_read_works_with_a_reason_is_audited_as_such_and_raises_a_DPO_alert()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (supervisor, named, outsider) = ($"di-{tag}", $"officer-a-{tag}", $"officer-b-{tag}");
        var record = Synthetic.Report();
        await new PoliceIntake.PoliceIntakeClient(_host.Channel).ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { record } });
        var caseId = Cases.Masip_CaseId(record.CrimeReference);
        await new RestrictedRecords.RestrictedRecordsClient(_host.ChannelAs("police", "meeting-chair", subject: supervisor))
            .RestrictCaseAsync(new RestrictCaseRequest { CaseId = caseId, AccessList = { named }, Reason = "police-perpetrated" });
        var officer = new PoliceIntake.PoliceIntakeClient(_host.ChannelAs("police", "stac-officer", subject: outsider));
        var glass = new Metadata { { "x-masip-break-glass", "true" }, { "x-masip-reason", "victim missing, locating tonight" } };

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            officer.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, new Metadata { { "x-masip-reason", "curious" } }).ResponseAsync);
        var noReason = await Assert.ThrowsAsync<RpcException>(() =>
            officer.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, new Metadata { { "x-masip-break-glass", "true" } }).ResponseAsync);
        var read = await officer.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, glass);
        var alerts = await new Masip.Contracts.DataProtection.DataProtection.DataProtectionClient(_host.ChannelAs("police", "auditor", "audit"))
            .ListDpoAlertsAsync(new ListDpoAlertsRequest());

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.Equal(record.CrimeReference, read.CrimeReference);
        var alert = Assert.Single(alerts.Alerts, a => a.SubjectId == caseId);
        Assert.Equal(("break-glass", "case", outsider, "police/stac-officer", "break-glass: victim missing, locating tonight"),
            (alert.Kind, alert.SubjectKind, alert.AccessedBy, alert.AccessedByRole, alert.Reason));
        var supervisorAlerts = await new RestrictedRecords.RestrictedRecordsClient(_host.ChannelAs("police", "meeting-chair", subject: supervisor))
            .ListRestrictedAccessAlertsAsync(new ListRestrictedAccessAlertsRequest());
        Assert.Contains(supervisorAlerts.Alerts, a => a.AccessedBy == outsider && !a.Refused && a.AccessReason.StartsWith("break-glass: "));
        var audit = new DisclosureAudit.DisclosureAuditClient(_host.ChannelAs("police", "auditor"));
        await Eventually.ValueAsync(async () =>
        {
            var entries = await audit.WhoSawSubjectAsync(new WhoSawSubjectRequest { SubjectKind = "case", SubjectId = caseId });
            return entries.Entries.FirstOrDefault(e => e.ViewerSub == outsider && e.Reason == "break-glass: victim missing, locating tonight");
        }, TimeSpan.FromSeconds(30), "the break-glass read in the disclosure audit");
    }
}
