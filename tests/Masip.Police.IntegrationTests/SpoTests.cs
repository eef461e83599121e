using Grpc.Core;
using Masip.Contracts.Messages;
using Masip.Contracts.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Police.IntegrationTests;

public sealed class SpoTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private PoliceIntake.PoliceIntakeClient _intake = null!;
    private StacReviews.StacReviewsClient _reviews = null!;
    private PoliceSpo.PoliceSpoClient _spo = null!;
    private PolicePerpetrators.PolicePerpetratorsClient _perpetrators = null!;
    private BrokerProbe _spoEvents = null!, _victimEvents = null!;

    public async Task InitializeAsync()
    {
        _spoEvents = await BrokerProbe.ListenAsync<SpoEventV1>(bed);
        _victimEvents = await BrokerProbe.ListenAsync<CaseEventForVictimV1>(bed);
        var host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        _intake = new PoliceIntake.PoliceIntakeClient(host.Channel);
        _reviews = new StacReviews.StacReviewsClient(host.Channel);
        _spo = new PoliceSpo.PoliceSpoClient(host.Channel);
        _perpetrators = new PolicePerpetrators.PolicePerpetratorsClient(host.Channel);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<CaseReply> Import(string? pnc = null) =>
        await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report(pnc: pnc) });

    private async Task<CaseReply> Granted(CaseReply view)
    {
        await _spo.RecordSpoApplicationAsync(new RecordSpoApplicationRequest
        {
            CaseId = view.CaseId, Stage = "interim", AppliedOn = Synthetic.DaysAgo(0), VictimConsent = "given",
        });
        return await _spo.RecordSpoDecisionAsync(new RecordSpoDecisionRequest
        {
            CaseId = view.CaseId, Stage = "interim", Granted = true, Prohibitions = { "no contact with the victim" },
            Requirements = { "intervention-programme" }, Reason = "immediate risk",
        });
    }

    [Fact]
    public async Task A_granted_SPO_is_published_tells_the_victim_and_marks_the_suspect_for_the_queue()
    {
        var pnc = Synthetic.UniquePnc();
        var view = await Import(pnc);

        var granted = await Granted(view);
        var next = await Import(pnc);

        Assert.Equal(("interim-granted", true), (granted.Spo.Status, granted.Spo.Considered));
        Assert.Equal(["intervention-programme"], granted.Spo.Requirements);
        Assert.Contains("existing-spo", next.SuspectKnownReasons);
        var history = await _perpetrators.GetSuspectHistoryAsync(new GetSuspectHistoryRequest { PerpetratorId = view.PerpetratorId });
        Assert.Equal("interim-granted", Assert.Single(history.Orders).Status);
        var published = await _spoEvents.ReceivedAsync("interim-granted");
        Assert.Equal(view.CaseId, published.GetProperty("caseId").GetString());
        var told = await _victimEvents.ReceivedAsync(view.CaseId);
        Assert.Equal("spo-granted", told.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_second_breach_prompts_the_further_offence_and_each_forces_a_reassessment_which_a_re_review_clears()
    {
        var view = await Import(Synthetic.UniquePnc());
        await _reviews.ReviewReportAsync(ReviewTests.Review(view.CaseId, tier: 2));
        await Granted(view);

        var first = await _spo.RecordSpoBreachAsync(new RecordSpoBreachRequest
        {
            CaseId = view.CaseId, BreachedOn = Synthetic.DaysAgo(0), Details = "messages to the victim",
        });
        var breached = await _spo.RecordSpoBreachAsync(new RecordSpoBreachRequest
        {
            CaseId = view.CaseId, BreachedOn = Synthetic.DaysAgo(0), Details = "waited outside the victim's work",
        });
        Assert.False(first.FurtherOffencePrompt);
        Assert.True(first.ReassessmentDue);
        var missingReference = await Assert.ThrowsAsync<RpcException>(() => _spo.AnswerFurtherOffencePromptAsync(new AnswerFurtherOffencePromptRequest
        {
            CaseId = view.CaseId, RecordAsFurtherOffence = true, Reason = "breach is stalking",
        }).ResponseAsync);
        var answered = await _spo.AnswerFurtherOffencePromptAsync(new AnswerFurtherOffencePromptRequest
        {
            CaseId = view.CaseId, RecordAsFurtherOffence = true, FurtherCrimeReference = "CRIS-FURTHER-1", Reason = "breach is stalking",
        });
        var reassessed = await _reviews.ReviewReportAsync(ReviewTests.Review(view.CaseId, tier: 3, reReview: true));

        Assert.True(breached.FurtherOffencePrompt);
        Assert.True(breached.ReassessmentDue);
        Assert.Equal(2, breached.Spo.Breaches);
        Assert.Equal(StatusCode.InvalidArgument, missingReference.StatusCode);
        Assert.StartsWith("further_crime_reference:", missingReference.Status.Detail);
        Assert.False(answered.FurtherOffencePrompt);
        Assert.Equal(["CRIS-FURTHER-1"], answered.FurtherOffenceReferences);
        Assert.True(answered.ReassessmentDue);
        Assert.False(reassessed.ReassessmentDue);
        var published = await _spoEvents.ReceivedAsync("breached");
        Assert.Equal(view.CaseId, published.GetProperty("caseId").GetString());
    }

    [Fact]
    public async Task Ten_thousand_prohibitions_or_requirements_are_InvalidArgument_naming_the_limit_and_the_order_stays_as_granted()
    {
        var view = await Import();
        await Granted(view);
        var vary = new VarySpoRequest { CaseId = view.CaseId, Reason = "court varied" };
        vary.Prohibitions.AddRange(Enumerable.Range(0, 10000).Select(i => $"prohibition {i}"));
        var decide = new RecordSpoDecisionRequest { CaseId = view.CaseId, Stage = "full", Granted = true, Reason = "risk" };
        decide.Requirements.AddRange(Enumerable.Repeat("signing-on", 10000));

        var prohibitions = await Assert.ThrowsAsync<RpcException>(() => _spo.VarySpoAsync(vary).ResponseAsync);
        var requirements = await Assert.ThrowsAsync<RpcException>(() => _spo.RecordSpoDecisionAsync(decide).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "prohibitions: at most 20 items; got 10000"), (prohibitions.StatusCode, prohibitions.Status.Detail));
        Assert.Equal((StatusCode.InvalidArgument, "requirements: at most 20 items; got 10000"), (requirements.StatusCode, requirements.Status.Detail));
        var after = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = view.CaseId });
        Assert.Equal(("interim-granted", 1, 0), (after.Spo.Status, after.Spo.Prohibitions.Count, after.Spo.Variations));
    }

    [Fact]
    public async Task Absurd_dates_are_InvalidArgument_naming_the_field()
    {
        var view = await Import();
        await Granted(view);

        var future = await Assert.ThrowsAsync<RpcException>(() => _spo.RecordSpoBreachAsync(new RecordSpoBreachRequest
        {
            CaseId = view.CaseId, BreachedOn = "9999-12-31", Details = "x",
        }).ResponseAsync);
        var ancient = await Assert.ThrowsAsync<RpcException>(() => _spo.RecordSpoApplicationAsync(new RecordSpoApplicationRequest
        {
            CaseId = view.CaseId, Stage = "full", AppliedOn = "0001-01-01",
        }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "breached_on: must not be in the future"), (future.StatusCode, future.Status.Detail));
        Assert.Equal(StatusCode.InvalidArgument, ancient.StatusCode);
        Assert.StartsWith("applied_on: must not be before ", ancient.Status.Detail);
        Assert.Equal(0, (await _intake.GetCaseAsync(new GetCaseRequest { CaseId = view.CaseId })).Spo.Breaches);
    }

    [Fact]
    public async Task A_grant_without_an_application_is_FailedPrecondition_and_nothing_changes()
    {
        var view = await Import();

        var error = await Assert.ThrowsAsync<RpcException>(() => _spo.RecordSpoDecisionAsync(new RecordSpoDecisionRequest
        {
            CaseId = view.CaseId, Stage = "full", Granted = true, Prohibitions = { "no contact" }, Reason = "r",
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.StartsWith("stage:", error.Status.Detail);
        Assert.Equal("none", (await _intake.GetCaseAsync(new GetCaseRequest { CaseId = view.CaseId })).Spo.Status);
    }

    [Fact]
    public async Task Considered_varied_expired_and_closing_after_consideration()
    {
        var view = await Import();
        var considered = await _spo.RecordSpoConsideredAsync(new RecordSpoConsideredRequest
        {
            CaseId = view.CaseId, WillApply = true, Reason = "ongoing contact",
        });
        await Granted(view);

        var varied = await _spo.VarySpoAsync(new VarySpoRequest
        {
            CaseId = view.CaseId, Prohibitions = { "no contact", "exclusion zone" }, Requirements = { "signing-on" }, Reason = "court varied",
        });
        var badRequirement = await Assert.ThrowsAsync<RpcException>(() => _spo.VarySpoAsync(new VarySpoRequest
        {
            CaseId = view.CaseId, Prohibitions = { "x" }, Requirements = { "curfew-of-the-moon" }, Reason = "r",
        }).ResponseAsync);
        var expired = await _spo.RecordSpoExpiredAsync(new RecordSpoExpiredRequest { CaseId = view.CaseId, ExpiredOn = Synthetic.DaysAgo(0) });
        var closed = await _reviews.CloseCaseAsync(new CloseCaseRequest { CaseId = view.CaseId, Outcome = "nfa", Reason = "victim does not support" });

        Assert.True(considered.Spo.WillApply);
        Assert.Equal(DateTime.UtcNow.Date.AddDays(28).ToString("yyyy-MM-dd"), considered.Clocks.SpoFullApplicationDueBy);
        Assert.Equal((2, 1), (varied.Spo.Prohibitions.Count, varied.Spo.Variations));
        Assert.Equal(StatusCode.InvalidArgument, badRequirement.StatusCode);
        Assert.StartsWith("requirements:", badRequirement.Status.Detail);
        Assert.Equal("expired", expired.Spo.Status);
        Assert.Equal(("closed", "nfa"), (closed.Status, closed.Outcome));
        var told = await _victimEvents.ReceivedAsync("\"nfa\"");
        Assert.Equal(view.CaseId, told.GetProperty("caseId").GetString());
    }
}
