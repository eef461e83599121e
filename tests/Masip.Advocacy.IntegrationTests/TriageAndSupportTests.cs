using Grpc.Core;
using Masip.Contracts.Advocacy;
using Masip.Contracts.Common;
using Masip.Testing;
using Xunit;

namespace Masip.Advocacy.IntegrationTests;

/// <summary>Triage, support episodes, safety plans, the cap of 20 and the workload view.</summary>
public sealed class TriageAndSupportTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private Advocacy _advocacy = null!;

    public async Task InitializeAsync() => _advocacy = new Advocacy(await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name), bed);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Triage_records_the_indicators_judgement_and_caller_and_decides_the_support()
    {
        var referral = await _advocacy.Accepted();
        var request = new TriageReferralRequest
        {
            ReferralId = referral.ReferralId, Children = true, CurrentCourtCase = true,
            ProfessionalJudgement = "high", JudgementRationale = "threats escalated since the report",
        };
        request.SashAnswers.Add(new SashAnswer { Question = "q01", Yes = true });
        request.SashAnswers.Add(new SashAnswer { Question = "q02", Yes = false });

        var triaged = await _advocacy.ReferralsAs("advocate-011").TriageReferralAsync(request);

        Assert.Equal(("high", "advocacy", 1, 2), (triaged.Triage.RiskLevel, triaged.Triage.SupportLevel, triaged.Triage.SashYesCount, triaged.Triage.SashAnswerCount));
        Assert.True(triaged.Triage.Children && triaged.Triage.CurrentCourtCase && !triaged.Triage.Violence && !triaged.Triage.BreakIns);
        Assert.Equal(("high", "advocate-011"), (triaged.Triage.ProfessionalJudgement, triaged.Triage.TriagedBy));
    }

    [Fact]
    public async Task Triage_of_a_pending_referral_or_with_bad_input_is_refused_and_nothing_changes()
    {
        var pending = await _advocacy.Recorded();
        var accepted = await _advocacy.Accepted();
        TriageReferralRequest Request(string id, string judgement = "") => new()
        {
            ReferralId = id, ProfessionalJudgement = judgement, SashAnswers = { new SashAnswer { Question = "q01", Yes = true } },
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
        // Read by the advocate it was allocated to: on their caseload, no access reason needed.
        var referral = await _advocacy.ReferralsAs("advocate-201").GetReferralAsync(new GetReferralRequest { ReferralId = advocacy.ReferralId });
        Assert.Equal(advocacy.EpisodeId, referral.EpisodeId);
        await Advocacy.Refused(() => _advocacy.Support.AllocateSupportAsync(new AllocateSupportRequest
            { ReferralId = advocacy.ReferralId, AdvocateId = "advocate-202" }).ResponseAsync, StatusCode.FailedPrecondition, "referral_id");

        var closed = await _advocacy.SupportAs("advocate-201").CloseEpisodeAsync(new CloseEpisodeRequest
            { EpisodeId = advocacy.EpisodeId, Outcome = "support-completed" });
        await Advocacy.Refused(() => _advocacy.Support.CloseEpisodeAsync(new CloseEpisodeRequest
            { EpisodeId = advocacy.EpisodeId, Outcome = "other", Notes = "n" }).ResponseAsync, StatusCode.FailedPrecondition, "episode_id");
        await Advocacy.Refused(() => _advocacy.Support.CloseEpisodeAsync(new CloseEpisodeRequest
            { EpisodeId = brief.EpisodeId, Outcome = "vanished" }).ResponseAsync, StatusCode.InvalidArgument, "outcome");

        Assert.Equal(("closed", "support-completed"), (closed.Status, closed.Outcome));
        Assert.Equal(closed, await _advocacy.SupportAs("advocate-201").GetEpisodeAsync(new GetEpisodeRequest { EpisodeId = advocacy.EpisodeId }));
        Assert.Equal(0, await CasesOf("advocate-201"));
        var afterClosing = await _advocacy.ReferralsAs("advocate-201").GetReferralAsync(new GetReferralRequest { ReferralId = advocacy.ReferralId });
        Assert.Equal(("", advocacy.EpisodeId), (afterClosing.EpisodeId, afterClosing.PastEpisodeIds.Single()));
        await Advocacy.Refused(() => _advocacy.Support.AllocateSupportAsync(new AllocateSupportRequest
            { ReferralId = advocacy.ReferralId, AdvocateId = "advocate-201" }).ResponseAsync, StatusCode.FailedPrecondition, "referral_id");
        Assert.Equal("advocate-201", await _advocacy.Text(
            "select user_name from masip.mt_events where stream_id = @id and type = 'support_episode_closed'", ("id", Guid.Parse(advocacy.EpisodeId))));
        Assert.Equal(1, (await _advocacy.Support.GetWorkloadAsync(new GetWorkloadRequest())).Caseloads.Single(c => c.AdvocateId == "advocate-201").BriefCases);
        await _advocacy.Support.CloseEpisodeAsync(new CloseEpisodeRequest { EpisodeId = brief.EpisodeId, Outcome = "support-completed" });
        Assert.Equal(0, (await _advocacy.Support.GetWorkloadAsync(new GetWorkloadRequest())).Caseloads.Single(c => c.AdvocateId == "advocate-201").BriefCases);
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
        var queue = await Queue();
        Assert.True(queue.IndexOf(high.ReferralId) >= 0 && queue.IndexOf(high.ReferralId) < queue.IndexOf(medium.ReferralId),
            "the high-risk referral should wait ahead of the medium-risk one");

        var other = await _advocacy.Support.AllocateSupportAsync(new AllocateSupportRequest { ReferralId = high.ReferralId, AdvocateId = "advocate-302" });
        Assert.Equal("open", other.Status);
        Assert.DoesNotContain(high.ReferralId, await Queue());
    }

    [Fact]
    public async Task A_safety_plan_is_versioned_the_current_plan_is_one_call_and_a_closed_episode_refuses_a_plan()
    {
        var episode = await _advocacy.Allocated("advocate-401");
        ReviseSafetyPlanRequest Revise(int expected, params string[] measures) =>
            new() { EpisodeId = episode.EpisodeId, ExpectedVersion = expected, Measures = { measures } };

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

        await _advocacy.Support.CloseEpisodeAsync(new CloseEpisodeRequest { EpisodeId = episode.EpisodeId, Outcome = "referred-on" });
        await Advocacy.Refused(() => _advocacy.Support.ReviseSafetyPlanAsync(Revise(2, "after closing")).ResponseAsync, StatusCode.FailedPrecondition, "episode_id");
        Assert.Equal(v2, await _advocacy.Support.GetSafetyPlanAsync(new GetSafetyPlanRequest { EpisodeId = episode.EpisodeId }));
    }

    [Fact]
    public async Task Oversized_lists_and_out_of_range_numbers_are_refused_before_anything_is_decided()
    {
        var referral = await _advocacy.Accepted();
        var episode = await _advocacy.Allocated("advocate-601");
        var triage = new TriageReferralRequest { ReferralId = referral.ReferralId };
        triage.SashAnswers.AddRange(Enumerable.Range(0, 10000).Select(i => new SashAnswer { Question = $"q{i}", Yes = true }));
        var plan = new ReviseSafetyPlanRequest { EpisodeId = episode.EpisodeId };
        plan.Measures.AddRange(Enumerable.Repeat("panic alarm fitted", 10000));

        var tooManyAnswers = await Advocacy.Refused(() => _advocacy.Referrals.TriageReferralAsync(triage).ResponseAsync, StatusCode.InvalidArgument, "sash_answers");
        var tooManyMeasures = await Advocacy.Refused(() => _advocacy.Support.ReviseSafetyPlanAsync(plan).ResponseAsync, StatusCode.InvalidArgument, "measures");
        var nul = await Advocacy.Refused(() => _advocacy.Support.ReviseSafetyPlanAsync(new ReviseSafetyPlanRequest
            { EpisodeId = episode.EpisodeId, Measures = { "panic alarm", "vary\0routes" } }).ResponseAsync, StatusCode.InvalidArgument, "measures[1]");
        var version = await Advocacy.Refused(() => _advocacy.Support.GetSafetyPlanAsync(new GetSafetyPlanRequest
            { EpisodeId = episode.EpisodeId, Version = -1 }).ResponseAsync, StatusCode.InvalidArgument, "version");
        await Advocacy.Refused(() => _advocacy.Support.AllocateSupportAsync(new AllocateSupportRequest
            { ReferralId = referral.ReferralId, AdvocateId = new string('a', 101) }).ResponseAsync, StatusCode.InvalidArgument, "advocate_id");

        Assert.Equal("sash_answers: at most 40 items; got 10000", tooManyAnswers.Status.Detail);
        Assert.Equal("measures: at most 50 items; got 10000", tooManyMeasures.Status.Detail);
        Assert.Equal("measures[1]: must not contain a NUL character", nul.Status.Detail);
        Assert.Equal("version: must be between 1 and 100000; got -1", version.Status.Detail);
        Assert.Null((await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = referral.ReferralId })).Triage);
        Assert.Equal(0, (await _advocacy.SupportAs("advocate-601").GetEpisodeAsync(new GetEpisodeRequest { EpisodeId = episode.EpisodeId })).SafetyPlanVersion);
    }

    [Fact]
    public async Task The_workload_pages_through_every_advocate_in_order_and_counts_who_waits()
    {
        var advocates = Enumerable.Range(1, 5).Select(i => $"advocate-7{i:00}").ToList();
        foreach (var advocate in advocates)
            await _advocacy.Allocated(advocate, yes: 6);
        await _advocacy.Allocated(advocates[2], yes: 1);
        await _advocacy.Triaged(yes: 6);

        var caseloads = new List<Caseload>();
        var request = new GetWorkloadRequest { Page = new PageRequest { PageSize = 2 } };
        WorkloadReply page;
        do
        {
            page = await _advocacy.Support.GetWorkloadAsync(request);
            Assert.True(page.Caseloads.Count <= 2);
            caseloads.AddRange(page.Caseloads);
            request.Page.PageToken = page.Page.NextPageToken;
        } while (page.Page.NextPageToken.Length > 0);

        var ids = caseloads.Select(c => c.AdvocateId).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.Count, page.Page.Total);
        Assert.Equal(advocates, ids.Where(advocates.Contains));
        Assert.Equal((1, 1, 20), caseloads.Where(c => c.AdvocateId == advocates[2]).Select(c => (c.AdvocacyCases, c.BriefCases, c.Capacity)).Single());
        Assert.True(page.AwaitingAllocationCount >= 1);
    }

    /// <summary>The allocation queue, every page of it (pages of 3).</summary>
    private async Task<List<string>> Queue()
    {
        var queue = new List<string>();
        var request = new ListAllocationQueueRequest { Page = new PageRequest { PageSize = 3 } };
        while (true)
        {
            var page = await _advocacy.Support.ListAllocationQueueAsync(request);
            queue.AddRange(page.Referrals.Select(q => q.ReferralId));
            if (page.Page.NextPageToken.Length == 0)
                return queue;
            request.Page.PageToken = page.Page.NextPageToken;
        }
    }

    private async Task<int> CasesOf(string advocateId) =>
        (await _advocacy.Support.GetWorkloadAsync(new GetWorkloadRequest())).Caseloads.SingleOrDefault(c => c.AdvocateId == advocateId)?.AdvocacyCases ?? 0;
}
