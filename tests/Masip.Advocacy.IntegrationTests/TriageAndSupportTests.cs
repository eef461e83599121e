using Grpc.Core;
using Masip.Contracts.Advocacy;
using Masip.Testing;
using Xunit;

namespace Masip.Advocacy.IntegrationTests;

/// <summary>Triage, support episodes, safety plans, the cap of 20 and the workload view.</summary>
public sealed class TriageAndSupportTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private Advocacy _advocacy = null!;

    public async Task InitializeAsync() => _advocacy = new Advocacy(await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Triage_records_the_indicators_and_judgement_and_decides_the_support()
    {
        var referral = await _advocacy.Accepted();
        var request = new TriageReferralRequest
        {
            ReferralId = referral.ReferralId, Children = true, CurrentCourtCase = true, TriagedBy = "advocate-001",
            ProfessionalJudgement = "high", JudgementRationale = "threats escalated since the report",
        };
        request.SashAnswers.Add(new SashAnswer { Question = "q01", Yes = true });
        request.SashAnswers.Add(new SashAnswer { Question = "q02", Yes = false });

        var triaged = await _advocacy.Referrals.TriageReferralAsync(request);

        Assert.Equal(("high", "advocacy", 1, 2), (triaged.Triage.RiskLevel, triaged.Triage.SupportLevel, triaged.Triage.SashYesCount, triaged.Triage.SashAnswerCount));
        Assert.True(triaged.Triage.Children && triaged.Triage.CurrentCourtCase && !triaged.Triage.Violence && !triaged.Triage.BreakIns);
        Assert.Equal("high", triaged.Triage.ProfessionalJudgement);
    }

    [Fact]
    public async Task Triage_of_a_pending_referral_or_with_bad_input_is_refused_and_nothing_changes()
    {
        var pending = await _advocacy.Recorded();
        var accepted = await _advocacy.Accepted();
        TriageReferralRequest Request(string id, string judgement = "") => new()
        {
            ReferralId = id, TriagedBy = "advocate-001", ProfessionalJudgement = judgement, SashAnswers = { new SashAnswer { Question = "q01", Yes = true } },
        };

        await Advocacy.Refused(() => _advocacy.Referrals.TriageReferralAsync(Request(pending.ReferralId)).ResponseAsync, StatusCode.FailedPrecondition, "referral_id");
        await Advocacy.Refused(() => _advocacy.Referrals.TriageReferralAsync(Request(accepted.ReferralId, "extreme")).ResponseAsync, StatusCode.InvalidArgument, "professional_judgement");
        await Advocacy.Refused(() => _advocacy.Referrals.TriageReferralAsync(Request(accepted.ReferralId, "high")).ResponseAsync, StatusCode.InvalidArgument, "judgement_rationale");

        Assert.Null((await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = pending.ReferralId })).Triage);
        Assert.Null((await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = accepted.ReferralId })).Triage);
    }

    [Fact]
    public async Task Allocation_opens_the_episode_triage_decided_and_closing_it_records_the_outcome_and_frees_the_place()
    {
        var brief = await _advocacy.Allocated("advocate-201", yes: 1);
        var advocacy = await _advocacy.Allocated("advocate-201", yes: 10);

        Assert.Equal(("brief", "standard", "open"), (brief.Level, brief.RiskLevel, brief.Status));
        Assert.Equal(("advocacy", "high"), (advocacy.Level, advocacy.RiskLevel));
        Assert.Equal(1, await CasesOf("advocate-201"));
        var referral = await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = advocacy.ReferralId });
        Assert.Equal(advocacy.EpisodeId, referral.EpisodeId);
        await Advocacy.Refused(() => _advocacy.Support.AllocateSupportAsync(new AllocateSupportRequest
            { ReferralId = advocacy.ReferralId, AdvocateId = "advocate-202" }).ResponseAsync, StatusCode.FailedPrecondition, "referral_id");

        var closed = await _advocacy.Support.CloseEpisodeAsync(new CloseEpisodeRequest
            { EpisodeId = advocacy.EpisodeId, Outcome = "support-completed", ClosedBy = "advocate-201" });
        await Advocacy.Refused(() => _advocacy.Support.CloseEpisodeAsync(new CloseEpisodeRequest
            { EpisodeId = advocacy.EpisodeId, Outcome = "other", Notes = "n", ClosedBy = "advocate-201" }).ResponseAsync, StatusCode.FailedPrecondition, "episode_id");
        await Advocacy.Refused(() => _advocacy.Support.CloseEpisodeAsync(new CloseEpisodeRequest
            { EpisodeId = brief.EpisodeId, Outcome = "vanished", ClosedBy = "advocate-201" }).ResponseAsync, StatusCode.InvalidArgument, "outcome");

        Assert.Equal(("closed", "support-completed"), (closed.Status, closed.Outcome));
        Assert.Equal(closed, await _advocacy.Support.GetEpisodeAsync(new GetEpisodeRequest { EpisodeId = advocacy.EpisodeId }));
        Assert.Equal(0, await CasesOf("advocate-201"));
        var afterClosing = await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = advocacy.ReferralId });
        Assert.Equal(("", advocacy.EpisodeId), (afterClosing.EpisodeId, afterClosing.PastEpisodeIds.Single()));
        await Advocacy.Refused(() => _advocacy.Support.AllocateSupportAsync(new AllocateSupportRequest
            { ReferralId = advocacy.ReferralId, AdvocateId = "advocate-201" }).ResponseAsync, StatusCode.FailedPrecondition, "referral_id");
        Assert.Equal(1, (await _advocacy.Support.GetWorkloadAsync(new GetWorkloadRequest())).Caseloads.Single(c => c.AdvocateId == "advocate-201").BriefCases);
        await Advocacy.Refused(() => _advocacy.Support.GetEpisodeAsync(new GetEpisodeRequest { EpisodeId = Guid.NewGuid().ToString() }).ResponseAsync,
            StatusCode.NotFound, "episode_id");
    }

    [Fact]
    public async Task An_advocate_with_20_cases_is_refused_a_21st_which_waits_in_the_queue_by_risk()
    {
        for (var i = 0; i < 20; i++)
            await _advocacy.Allocated("advocate-301", yes: 6);
        var medium = await _advocacy.Triaged(yes: 6);
        var high = await _advocacy.Triaged(yes: 11);

        await Advocacy.Refused(() => _advocacy.Support.AllocateSupportAsync(new AllocateSupportRequest
            { ReferralId = high.ReferralId, AdvocateId = "advocate-301" }).ResponseAsync, StatusCode.FailedPrecondition, "advocate_id");

        Assert.Equal(20, await CasesOf("advocate-301"));
        var stored = await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = high.ReferralId });
        Assert.Equal("", stored.EpisodeId);
        var queue = (await _advocacy.Support.GetWorkloadAsync(new GetWorkloadRequest())).AllocationQueue.Select(q => q.ReferralId).ToList();
        Assert.True(queue.IndexOf(high.ReferralId) >= 0 && queue.IndexOf(high.ReferralId) < queue.IndexOf(medium.ReferralId),
            "the high-risk referral should wait ahead of the medium-risk one");

        var other = await _advocacy.Support.AllocateSupportAsync(new AllocateSupportRequest { ReferralId = high.ReferralId, AdvocateId = "advocate-302" });
        Assert.Equal("open", other.Status);
        Assert.DoesNotContain((await _advocacy.Support.GetWorkloadAsync(new GetWorkloadRequest())).AllocationQueue, q => q.ReferralId == high.ReferralId);
    }

    [Fact]
    public async Task A_safety_plan_is_versioned_the_current_plan_is_one_call_and_a_closed_episode_refuses_a_plan()
    {
        var episode = await _advocacy.Allocated("advocate-401");
        ReviseSafetyPlanRequest Revise(int expected, params string[] measures) =>
            new() { EpisodeId = episode.EpisodeId, RevisedBy = "advocate-401", ExpectedVersion = expected, Measures = { measures } };

        await Advocacy.Refused(() => _advocacy.Support.GetSafetyPlanAsync(new GetSafetyPlanRequest { EpisodeId = episode.EpisodeId }).ResponseAsync, StatusCode.NotFound, "episode_id");
        var v1 = await _advocacy.Support.ReviseSafetyPlanAsync(Revise(0, "panic alarm fitted", "vary routes to work"));
        var v2 = await _advocacy.Support.ReviseSafetyPlanAsync(Revise(1, "panic alarm fitted", "vary routes to work", "children's school told"));
        await Advocacy.Refused(() => _advocacy.Support.ReviseSafetyPlanAsync(Revise(1, "stale edit")).ResponseAsync, StatusCode.FailedPrecondition, "expected_version");
        await Advocacy.Refused(() => _advocacy.Support.ReviseSafetyPlanAsync(Revise(0)).ResponseAsync, StatusCode.InvalidArgument, "measures");

        var current = await _advocacy.Support.GetSafetyPlanAsync(new GetSafetyPlanRequest { EpisodeId = episode.EpisodeId });
        var first = await _advocacy.Support.GetSafetyPlanAsync(new GetSafetyPlanRequest { EpisodeId = episode.EpisodeId, Version = 1 });
        Assert.Equal((1, 2), (v1.Version, v2.Version));
        Assert.Equal(v2, current);
        Assert.Equal(v1, first);

        await _advocacy.Support.CloseEpisodeAsync(new CloseEpisodeRequest { EpisodeId = episode.EpisodeId, Outcome = "referred-on", ClosedBy = "advocate-401" });
        await Advocacy.Refused(() => _advocacy.Support.ReviseSafetyPlanAsync(Revise(2, "after closing")).ResponseAsync, StatusCode.FailedPrecondition, "episode_id");
        Assert.Equal(v2, await _advocacy.Support.GetSafetyPlanAsync(new GetSafetyPlanRequest { EpisodeId = episode.EpisodeId }));
    }

    private async Task<int> CasesOf(string advocateId) =>
        (await _advocacy.Support.GetWorkloadAsync(new GetWorkloadRequest())).Caseloads.SingleOrDefault(c => c.AdvocateId == advocateId)?.AdvocacyCases ?? 0;
}
