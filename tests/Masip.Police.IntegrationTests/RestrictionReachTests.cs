using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>
/// A restricted record does not leak through the other police paths (issue 17.5): the review queue
/// and the suspect history show it by id only; SPO, referral and Griffin commands on it need a named
/// officer with a reason and alert the supervisor; a police-perpetrated report is restricted on arrival.
/// </summary>
public sealed class RestrictionReachTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _host = null!;

    public async Task InitializeAsync() => _host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);

    public Task DisposeAsync() => Task.CompletedTask;

    private static Metadata Reason(string reason) => new() { { "x-masip-reason", reason } };

    [Fact]
    public async Task A_police_perpetrated_report_is_restricted_on_arrival_and_shows_by_id_only_in_the_queue_and_the_suspect_history()
    {
        var record = Synthetic.Report();
        record.PolicePerpetrated = true;
        await new PoliceIntake.PoliceIntakeClient(_host.Channel).ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { record } });
        var caseId = Cases.Masip_CaseId(record.CrimeReference);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            new PoliceIntake.PoliceIntakeClient(_host.Channel).GetCaseAsync(new GetCaseRequest { CaseId = caseId }, Reason("morning review")).ResponseAsync);
        var standards = new PoliceIntake.PoliceIntakeClient(_host.ChannelAs("police", "meeting-chair", subject: "professional-standards"));
        var read = await standards.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, Reason("police-perpetrated report arrived"));
        var queue = await new StacReviews.StacReviewsClient(_host.Channel).GetReviewQueueAsync(new GetReviewQueueRequest { Flag = "police-perpetrated" });
        var history = await new PolicePerpetrators.PolicePerpetratorsClient(_host.Channel)
            .GetSuspectHistoryAsync(new GetSuspectHistoryRequest { PerpetratorId = read.PerpetratorId });

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(("professional-standards", 0), (read.Restriction.RestrictedBy, read.Restriction.AccessList.Count));
        var row = Assert.Single(queue.Items, i => i.CaseId == caseId);
        Assert.Equal((true, "", "", "", false), (row.Restricted, row.CrimeReference, row.Borough, row.PerpetratorId, row.PolicePerpetrated));
        Assert.Empty(row.SuspectKnownReasons);
        var linked = Assert.Single(history.Reports, r => r.CaseId == caseId);
        Assert.Equal((true, "", "", 0, ""), (linked.Restricted, linked.CrimeReference, linked.Reason, linked.Tier, linked.RiskLevel));
        Assert.DoesNotContain(record.CrimeReference, history.ToString());
    }

    [Fact]
    public async Task SPO_referral_and_Griffin_commands_on_a_restricted_case_need_a_named_officer_with_a_reason_and_alert_the_supervisor()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (supervisor, named, other) = ($"di-{tag}", $"officer-a-{tag}", $"officer-b-{tag}");
        var record = Synthetic.Report();
        await new PoliceIntake.PoliceIntakeClient(_host.Channel).ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { record } });
        var caseId = Cases.Masip_CaseId(record.CrimeReference);
        await new StacReviews.StacReviewsClient(_host.Channel).ReviewReportAsync(ReviewTests.Review(caseId, tier: 3));
        await new RestrictedRecords.RestrictedRecordsClient(_host.ChannelAs("police", "meeting-chair", subject: supervisor))
            .RestrictCaseAsync(new RestrictCaseRequest { CaseId = caseId, AccessList = { named }, Reason = "sensitive" });
        GrpcChannelPair As(string subject) => new(_host.ChannelAs("police", "stac-officer", subject: subject));
        var (mine, theirs) = (As(named), As(other));

        async Task<StatusCode> Status(Func<Task> call) => (await Assert.ThrowsAsync<RpcException>(call)).StatusCode;
        var spo = new RecordSpoConsideredRequest { CaseId = caseId, WillApply = false, Reason = "victim declined", WhyNot = "victim-declined" };
        Assert.Equal(StatusCode.PermissionDenied, await Status(() => theirs.Spo.RecordSpoConsideredAsync(spo, Reason("helping")).ResponseAsync));
        Assert.Equal(StatusCode.InvalidArgument, await Status(() => mine.Spo.RecordSpoConsideredAsync(spo).ResponseAsync));
        var considered = await mine.Spo.RecordSpoConsideredAsync(spo, Reason("SPO decision at the DMM"));
        Assert.Equal(StatusCode.PermissionDenied, await Status(() => theirs.Referrals.ReferVictimToAdvocacyAsync(new ReferVictimToAdvocacyRequest
        {
            ReferralId = Guid.NewGuid().ToString(), CrimeReference = record.CrimeReference, VictimName = record.VictimName, Reason = "support",
        }, Reason("helping")).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await Status(() => theirs.Referrals.ReferPerpetratorToNhsAsync(new ReferPerpetratorToNhsRequest
        {
            ReferralId = Guid.NewGuid().ToString(), CaseId = caseId, NhsService = "assessment", Reason = "assessment",
        }, Reason("helping")).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await Status(() => theirs.Griffin.NominateToGriffinAsync(new NominateToGriffinRequest
        {
            CaseId = caseId, Criteria = { "high harm" }, Rationale = "escalating",
        }, Reason("helping")).ResponseAsync));
        var alerts = await new RestrictedRecords.RestrictedRecordsClient(_host.ChannelAs("police", "meeting-chair", subject: supervisor))
            .ListRestrictedAccessAlertsAsync(new ListRestrictedAccessAlertsRequest());

        Assert.Equal(("victim-declined", false), (considered.Spo.WhyNot, considered.Spo.WillApply));
        Assert.Equal(
            [(other, true), (named, true), (named, false), (other, true), (other, true), (other, true)],
            alerts.Alerts.Where(a => a.CaseId == caseId).Reverse().Select(a => (a.AccessedBy, a.Refused)));
    }

    private sealed class GrpcChannelPair(Grpc.Net.Client.GrpcChannel channel)
    {
        public PoliceSpo.PoliceSpoClient Spo { get; } = new(channel);
        public PoliceReferrals.PoliceReferralsClient Referrals { get; } = new(channel);
        public OperationGriffin.OperationGriffinClient Griffin { get; } = new(channel);
    }
}
