using Grpc.Core;
using Masip.Contracts.Messages;
using Masip.Contracts.Nhs;
using Masip.Testing;
using Xunit;

namespace Masip.Nhs.IntegrationTests;

/// <summary>Intervention episodes, sessions, relapse plan, outcome measures and the outcomes views.</summary>
public sealed class InterventionsTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private NhsWorld _nhs = null!;

    public async Task InitializeAsync() => _nhs = await NhsWorld.StartAsync(bed);

    public async Task DisposeAsync() => await _nhs.DisposeAsync();

    private async Task<EpisodeReply> StartAsync(string route = "probation", string modality = "cbt")
    {
        var referral = await Samples.AcceptedReferralAsync(_nhs, route);
        return await _nhs.Interventions.StartInterventionAsync(Samples.Episode(referral.ReferralId, modality));
    }

    private Task<EpisodeReply> LogAsync(string episodeId, string attendance, string notes = "") =>
        _nhs.Interventions.LogSessionAsync(new LogSessionRequest
        {
            EpisodeId = episodeId, SessionId = Guid.NewGuid().ToString(), Date = Samples.Today, Attendance = attendance, ClinicalNotes = notes,
        }).ResponseAsync;

    [Fact]
    public async Task Starting_and_ending_an_episode_publishes_modality_and_reason_only()
    {
        var started = await StartAsync(modality: "schema-therapy");
        await LogAsync(started.EpisodeId, "attended", "SESSION-NOTE: discussed the grievance");

        var ended = await _nhs.Interventions.EndInterventionAsync(new EndInterventionRequest { EpisodeId = started.EpisodeId, Reason = "disengaged" });

        Assert.Equal(("open", "probation", "schema-therapy", 12), (started.Status, started.Route, started.Modality, started.PlannedSessions));
        Assert.Equal(("ended", "disengaged"), (ended.Status, ended.EndReason));
        var startMessage = await _nhs.PublishedAsync<InterventionStartedV1>(m => m.EpisodeId.ToString() == started.EpisodeId, "InterventionStartedV1");
        var endMessage = await _nhs.PublishedAsync<InterventionEndedV1>(m => m.EpisodeId.ToString() == started.EpisodeId, "InterventionEndedV1");
        Assert.Equal(("schema-therapy", started.PerpetratorId), (startMessage.Modality, startMessage.PerpetratorId.ToString()));
        Assert.Equal("disengaged", endMessage.Reason);
    }

    [Fact]
    public async Task Sessions_and_the_relapse_plan_are_kept_on_the_episode()
    {
        var episode = await StartAsync();
        var session = new LogSessionRequest
        {
            EpisodeId = episode.EpisodeId, SessionId = Guid.NewGuid().ToString(), Date = Samples.Today,
            Attendance = "attended", ClinicalNotes = "synthetic note",
        };
        await _nhs.Interventions.LogSessionAsync(session);
        await _nhs.Interventions.LogSessionAsync(session);
        await LogAsync(episode.EpisodeId, "did-not-attend");
        await _nhs.Interventions.RecordRelapsePlanAsync(new RecordRelapsePlanRequest { EpisodeId = episode.EpisodeId, Plan = "synthetic relapse plan" });

        var read = await _nhs.Interventions.GetEpisodeAsync(new GetEpisodeRequest { EpisodeId = episode.EpisodeId });

        Assert.Equal(["attended", "did-not-attend"], read.Sessions.Select(s => s.Attendance));
        Assert.Equal("synthetic note", read.Sessions[0].ClinicalNotes);
        Assert.Equal("synthetic relapse plan", read.RelapsePlan);
    }

    [Fact]
    public async Task Logging_a_session_for_a_closed_episode_is_FailedPrecondition_and_nothing_changes()
    {
        var episode = await StartAsync();
        await LogAsync(episode.EpisodeId, "attended");
        await _nhs.Interventions.EndInterventionAsync(new EndInterventionRequest { EpisodeId = episode.EpisodeId, Reason = "moved" });

        await NhsWorld.FailsAsync(StatusCode.FailedPrecondition, "episode_id", () => LogAsync(episode.EpisodeId, "attended"));

        var read = await _nhs.Interventions.GetEpisodeAsync(new GetEpisodeRequest { EpisodeId = episode.EpisodeId });
        Assert.Single(read.Sessions);
        Assert.Equal(3, await _nhs.EventCountAsync(Guid.Parse(episode.EpisodeId)));
    }

    [Fact]
    public async Task A_measure_outside_its_scale_is_InvalidArgument_naming_value_and_nothing_is_stored()
    {
        var episode = await StartAsync();

        await NhsWorld.FailsAsync(StatusCode.InvalidArgument, "value",
            () => _nhs.Interventions.RecordOutcomeMeasureAsync(Samples.Measure(episode.EpisodeId, "start", "mood", 28)).ResponseAsync);

        Assert.Empty((await _nhs.Interventions.GetEpisodeAsync(new GetEpisodeRequest { EpisodeId = episode.EpisodeId })).Measures);
        Assert.Equal(1, await _nhs.EventCountAsync(Guid.Parse(episode.EpisodeId)));
    }

    [Fact]
    public async Task Starting_an_episode_for_an_unknown_or_waiting_referral_or_a_non_stalking_programme_is_refused()
    {
        var unknown = Samples.Episode(Guid.NewGuid().ToString());
        await NhsWorld.FailsAsync(StatusCode.NotFound, "referral_id", () => _nhs.Interventions.StartInterventionAsync(unknown).ResponseAsync);

        var waiting = await _nhs.Referrals.RecordReferralAsync(Samples.Referral());
        var early = Samples.Episode(waiting.ReferralId);
        await NhsWorld.FailsAsync(StatusCode.FailedPrecondition, "referral_id", () => _nhs.Interventions.StartInterventionAsync(early).ResponseAsync);

        var accepted = await Samples.AcceptedReferralAsync(_nhs);
        var group = Samples.Episode(accepted.ReferralId, "domestic-abuse-group-programme");
        await NhsWorld.FailsAsync(StatusCode.InvalidArgument, "modality", () => _nhs.Interventions.StartInterventionAsync(group).ResponseAsync);

        foreach (var id in new[] { unknown.EpisodeId, early.EpisodeId, group.EpisodeId })
            await NhsWorld.FailsAsync(StatusCode.NotFound, "episode_id",
                () => _nhs.Interventions.GetEpisodeAsync(new GetEpisodeRequest { EpisodeId = id }).ResponseAsync);
    }

    [Fact]
    public async Task The_outcomes_view_shows_the_change_in_each_measure_across_a_completed_episode()
    {
        var episode = await StartAsync("police", "act");
        var id = episode.EpisodeId;
        var start = new Dictionary<string, double> { ["wellbeing"] = 30, ["functioning"] = 28, ["mood"] = 19, ["rumination"] = 70 };
        var end = new Dictionary<string, double> { ["wellbeing"] = 52, ["functioning"] = 12, ["mood"] = 7, ["rumination"] = 41 };
        foreach (var (measure, value) in start)
            await _nhs.Interventions.RecordOutcomeMeasureAsync(Samples.Measure(id, "start", measure, value));
        await LogAsync(id, "attended");
        await LogAsync(id, "did-not-attend");
        await LogAsync(id, "attended");
        await LogAsync(id, "cancelled");
        await LogAsync(id, "attended");
        await _nhs.Interventions.RecordOutcomeMeasureAsync(Samples.Measure(id, "during", "mood", 12));
        await _nhs.Interventions.EndInterventionAsync(new EndInterventionRequest { EpisodeId = id, Reason = "completed" });
        foreach (var (measure, value) in end)
            await _nhs.Interventions.RecordOutcomeMeasureAsync(Samples.Measure(id, "end", measure, value));

        var outcomes = await _nhs.Interventions.GetEpisodeOutcomesAsync(new GetEpisodeRequest { EpisodeId = id });

        Assert.Equal(("police", "act", "ended", "completed"), (outcomes.Route, outcomes.Modality, outcomes.Status, outcomes.EndReason));
        Assert.Equal((3, 1, 1), (outcomes.SessionsAttended, outcomes.SessionsMissed, outcomes.SessionsCancelled));
        Assert.Equal(4, outcomes.Changes.Count);
        foreach (var change in outcomes.Changes)
        {
            Assert.True(change.HasStart && change.HasEnd, change.Measure);
            Assert.Equal(start[change.Measure], change.Start);
            Assert.Equal(end[change.Measure], change.End);
            Assert.Equal(end[change.Measure] - start[change.Measure], change.Change);
        }
        Assert.Equal("WEMWBS", outcomes.Changes.Single(c => c.Measure == "wellbeing").Instrument);
    }

    [Fact]
    public async Task The_outcomes_across_episodes_carry_route_sessions_and_change_and_filter_by_route_and_modality()
    {
        var fromCourt = await StartAsync("court", "emdr");
        await _nhs.Interventions.RecordOutcomeMeasureAsync(Samples.Measure(fromCourt.EpisodeId, "start", "mood", 20));
        await LogAsync(fromCourt.EpisodeId, "attended");
        await _nhs.Interventions.RecordOutcomeMeasureAsync(Samples.Measure(fromCourt.EpisodeId, "end", "mood", 15));
        var fromGp = await StartAsync("gp", "distress-tolerance");

        var all = await _nhs.Interventions.ListOutcomesAsync(new ListOutcomesRequest());
        var court = await _nhs.Interventions.ListOutcomesAsync(new ListOutcomesRequest { Route = "court" });
        var dt = await _nhs.Interventions.ListOutcomesAsync(new ListOutcomesRequest { Modality = "distress-tolerance" });

        Assert.Contains(all.Episodes, e => e.EpisodeId == fromGp.EpisodeId);
        var row = Assert.Single(court.Episodes, e => e.EpisodeId == fromCourt.EpisodeId);
        Assert.Equal(("court", 1, -5.0), (row.Route, row.SessionsAttended, row.Changes.Single().Change));
        Assert.All(court.Episodes, e => Assert.Equal("court", e.Route));
        Assert.Contains(dt.Episodes, e => e.EpisodeId == fromGp.EpisodeId);
        Assert.DoesNotContain(dt.Episodes, e => e.EpisodeId == fromCourt.EpisodeId);
        await NhsWorld.FailsAsync(StatusCode.InvalidArgument, "route",
            () => _nhs.Interventions.ListOutcomesAsync(new ListOutcomesRequest { Route = "moon" }).ResponseAsync);
    }

    [Fact]
    public async Task An_unknown_episode_is_NotFound_for_every_change()
    {
        var id = Guid.NewGuid().ToString();

        await NhsWorld.FailsAsync(StatusCode.NotFound, "episode_id", () => LogAsync(id, "attended"));
        await NhsWorld.FailsAsync(StatusCode.NotFound, "episode_id",
            () => _nhs.Interventions.RecordRelapsePlanAsync(new RecordRelapsePlanRequest { EpisodeId = id, Plan = "p" }).ResponseAsync);
        await NhsWorld.FailsAsync(StatusCode.NotFound, "episode_id",
            () => _nhs.Interventions.RecordOutcomeMeasureAsync(Samples.Measure(id, "start", "mood", 3)).ResponseAsync);
        await NhsWorld.FailsAsync(StatusCode.NotFound, "episode_id",
            () => _nhs.Interventions.EndInterventionAsync(new EndInterventionRequest { EpisodeId = id, Reason = "completed" }).ResponseAsync);
        await NhsWorld.FailsAsync(StatusCode.NotFound, "episode_id",
            () => _nhs.Interventions.GetEpisodeOutcomesAsync(new GetEpisodeRequest { EpisodeId = id }).ResponseAsync);
        Assert.Equal(0, await _nhs.EventCountAsync(Guid.Parse(id)));
    }
}
