using Grpc.Core;
using Masip.Contracts.Messages;
using Masip.Contracts.Police;
using Masip.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Masip.Police.IntegrationTests;

public sealed class GriffinTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private PoliceIntake.PoliceIntakeClient _intake = null!;
    private StacReviews.StacReviewsClient _reviews = null!;
    private OperationGriffin.OperationGriffinClient _griffin = null!;
    private OperationGriffin.OperationGriffinClient _chair = null!;
    private ServiceUnderTest<PoliceHost> _host = null!;
    private BrokerProbe _added = null!, _activity = null!, _removed = null!, _tiered = null!;

    public async Task InitializeAsync()
    {
        _added = await BrokerProbe.ListenAsync<NominalAddedV1>(bed);
        _activity = await BrokerProbe.ListenAsync<NominalActivityV1>(bed);
        _removed = await BrokerProbe.ListenAsync<NominalRemovedV1>(bed);
        _tiered = await BrokerProbe.ListenAsync<CaseTieredV1>(bed);
        _host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        _intake = new PoliceIntake.PoliceIntakeClient(_host.Channel);
        _reviews = new StacReviews.StacReviewsClient(_host.Channel);
        _griffin = new OperationGriffin.OperationGriffinClient(_host.Channel);
        // The Griffin meeting decides on nominations: its chair, not the nominating officer.
        _chair = new OperationGriffin.OperationGriffinClient(_host.ChannelAs("police", "meeting-chair", "griffin"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<CaseReply> TieredCase(int tier, string pnc)
    {
        var view = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report(pnc: pnc) });
        return await _reviews.ReviewReportAsync(ReviewTests.Review(view.CaseId, tier));
    }

    private static NominateToGriffinRequest Nomination(string caseId) => new()
    {
        CaseId = caseId, Criteria = { "high harm", "repeat" }, Rationale = "escalating, three victims",
    };

    [Fact]
    public async Task A_nominal_accepted_at_the_meeting_is_published_and_their_new_crime_report_raises_a_Griffin_alert()
    {
        var pnc = Synthetic.UniquePnc();
        var tier3 = await TieredCase(3, pnc);
        var nominated = await _griffin.NominateToGriffinAsync(Nomination(tier3.CaseId));
        var accepted = await _chair.DecideNominationAsync(new DecideNominationRequest
        {
            NominalId = nominated.NominalId, Decision = "accept", Reason = "agreed at Griffin",
        });

        var report = Synthetic.Report(pnc: pnc);
        var newReport = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = report });
        var nominal = await _griffin.GetNominalAsync(new GetNominalRequest { NominalId = nominated.NominalId });

        Assert.Equal(("nominated", "accepted"), (nominated.Status, accepted.Status));
        Assert.Equal(tier3.PerpetratorId, nominated.PerpetratorId);
        Assert.Contains("griffin-nominal", newReport.SuspectKnownReasons);
        var alert = Assert.Single(nominal.Alerts);
        Assert.Equal(report.CrimeReference, alert.CrimeReference);
        var added = await _added.ReceivedAsync(nominated.NominalId);
        Assert.Equal(tier3.PerpetratorId, added.GetProperty("perpetratorId").GetString());
        var activity = await _activity.ReceivedAsync(report.CrimeReference);
        Assert.Equal(nominated.NominalId, activity.GetProperty("nominalId").GetString());
        var tiered = await _tiered.ReceivedAsync(tier3.CaseId);
        Assert.Equal(3, tiered.GetProperty("tier").GetInt32());
    }

    [Fact]
    public async Task Accepting_a_nominal_lifts_their_reports_awaiting_review_in_the_queue()
    {
        var pnc = Synthetic.UniquePnc();
        var tier3 = await TieredCase(3, pnc);
        var awaiting = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report(pnc: pnc) });
        var nominated = await _griffin.NominateToGriffinAsync(Nomination(tier3.CaseId));

        await _chair.DecideNominationAsync(new DecideNominationRequest
        {
            NominalId = nominated.NominalId, Decision = "accept", Reason = "agreed",
        });

        var after = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = awaiting.CaseId });
        Assert.DoesNotContain("griffin-nominal", awaiting.SuspectKnownReasons);
        Assert.Contains("griffin-nominal", after.SuspectKnownReasons);
    }

    [Fact]
    public async Task Nominating_a_case_below_Tier_3_is_FailedPrecondition_naming_tier_and_nothing_is_stored()
    {
        var tier2 = await TieredCase(2, Synthetic.UniquePnc());

        var error = await Assert.ThrowsAsync<RpcException>(() => _griffin.NominateToGriffinAsync(Nomination(tier2.CaseId)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.StartsWith("tier:", error.Status.Detail);
        var nominalId = Masip.Police.Griffin.Nominal.IdFor(Guid.Parse(tier2.PerpetratorId)).ToString();
        var lookup = await Assert.ThrowsAsync<RpcException>(() => _griffin.GetNominalAsync(new GetNominalRequest { NominalId = nominalId }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task Review_dates_activity_and_removal_with_reason_are_recorded_and_removal_is_published()
    {
        var tier3 = await TieredCase(3, Synthetic.UniquePnc());
        var nominated = await _griffin.NominateToGriffinAsync(Nomination(tier3.CaseId));
        await _chair.DecideNominationAsync(new DecideNominationRequest
        {
            NominalId = nominated.NominalId, Decision = "accept", Reason = "agreed",
        });
        var due = DateTime.UtcNow.Date.AddDays(40).ToString("yyyy-MM-dd");

        var scheduled = await _griffin.ScheduleNominalReviewAsync(new ScheduleNominalReviewRequest { NominalId = nominated.NominalId, ReviewDue = due });
        var active = await _griffin.RecordNominalActivityAsync(new RecordNominalActivityRequest
        {
            NominalId = nominated.NominalId, Activity = "stopped near the victim's address",
        });
        var removed = await _chair.RemoveNominalAsync(new RemoveNominalRequest { NominalId = nominated.NominalId, Reason = "in custody long term" });
        var afterRemoval = await Assert.ThrowsAsync<RpcException>(() => _griffin.RecordNominalActivityAsync(new RecordNominalActivityRequest
        {
            NominalId = nominated.NominalId, Activity = "x",
        }).ResponseAsync);

        Assert.Equal(due, scheduled.ReviewDue);
        Assert.Single(active.Alerts);
        Assert.Equal(("removed", "in custody long term"), (removed.Status, removed.RemovalReason));
        Assert.Equal(StatusCode.FailedPrecondition, afterRemoval.StatusCode);
        Assert.StartsWith("nominal_id:", afterRemoval.Status.Detail);
        await _removed.ReceivedAsync(nominated.NominalId);
    }

    [Fact]
    public async Task Ten_thousand_criteria_or_none_are_InvalidArgument_and_the_chair_is_the_one_who_decided()
    {
        var tier3 = await TieredCase(3, Synthetic.UniquePnc());
        var many = Nomination(tier3.CaseId);
        many.Criteria.AddRange(Enumerable.Range(0, 9998).Select(i => $"criterion {i}"));
        var none = Nomination(tier3.CaseId);
        none.Criteria.Clear();

        var tooMany = await Assert.ThrowsAsync<RpcException>(() => _griffin.NominateToGriffinAsync(many).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => _griffin.NominateToGriffinAsync(none).ResponseAsync);
        var nominated = await _griffin.NominateToGriffinAsync(Nomination(tier3.CaseId));
        var chair = new OperationGriffin.OperationGriffinClient(_host.ChannelAs("police", "meeting-chair", "griffin", "chair-griffin-7"));
        await chair.DecideNominationAsync(new DecideNominationRequest { NominalId = nominated.NominalId, Decision = "accept", Reason = "agreed" });

        Assert.Equal((StatusCode.InvalidArgument, "criteria: at most 10 items; got 10000"), (tooMany.StatusCode, tooMany.Status.Detail));
        Assert.Equal((StatusCode.InvalidArgument, "criteria: at least one item is required"), (missing.StatusCode, missing.Status.Detail));
        await using var session = _host.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        var accepted = (await session.Events.FetchStreamAsync(Guid.Parse(nominated.NominalId))).Single(e => e.Data is Masip.Police.Griffin.NominationAccepted);
        Assert.Equal("chair-griffin-7", ((Masip.Police.Griffin.NominationAccepted)accepted.Data).DecidedBy);
        Assert.Equal("chair-griffin-7", accepted.UserName);
    }

    [Fact]
    public async Task A_rejected_nomination_is_not_a_nominal_and_an_unknown_nominal_is_NotFound()
    {
        var tier3 = await TieredCase(3, Synthetic.UniquePnc());
        var nominated = await _griffin.NominateToGriffinAsync(Nomination(tier3.CaseId));

        var rejected = await _chair.DecideNominationAsync(new DecideNominationRequest
        {
            NominalId = nominated.NominalId, Decision = "reject", Reason = "threshold not met",
        });
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            _griffin.GetNominalAsync(new GetNominalRequest { NominalId = Guid.NewGuid().ToString() }).ResponseAsync);
        var badDecision = await Assert.ThrowsAsync<RpcException>(() => _chair.DecideNominationAsync(new DecideNominationRequest
        {
            NominalId = nominated.NominalId, Decision = "maybe", Reason = "x",
        }).ResponseAsync);

        Assert.Equal(("rejected", "threshold not met"), (rejected.Status, rejected.DecisionReason));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, badDecision.StatusCode);
        Assert.StartsWith("decision:", badDecision.Status.Detail);
    }
}
