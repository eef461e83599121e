using Grpc.Core;
using Masip.Contracts.Nhs;
using Masip.Testing;
using Xunit;

namespace Masip.Nhs.IntegrationTests;

/// <summary>The NHS figures by month (issue 17.7), checked against what a synthetic night did.</summary>
public sealed class MonthlyStatisticsTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private NhsWorld _nhs = null!;

    public async Task InitializeAsync() => _nhs = await NhsWorld.StartAsync(bed);

    public async Task DisposeAsync() => await _nhs.DisposeAsync();

    /// <summary>What the night did to one referral.</summary>
    private sealed record Step(string Route, string Decision, bool Assessed, bool Started, string[] Sessions, string? EndReason, double? MoodChange);

    [Fact]
    public async Task The_counts_by_month_match_the_events_of_a_synthetic_night()
    {
        var random = new Random(17);
        string[] attendances = ["attended", "did-not-attend", "cancelled"];
        var night = Enumerable.Range(0, 12).Select(i =>
        {
            var decision = i % 4 == 0 ? "waiting" : i % 4 == 1 ? "declined" : "accepted";
            var started = decision == "accepted" && random.Next(3) > 0;
            var ended = started && random.Next(2) == 0 ? (random.Next(2) == 0 ? "completed" : "disengaged") : null;
            return new Step(i % 3 == 0 ? "court" : "probation", decision, decision == "accepted" && random.Next(2) == 0, started,
                started ? [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => attendances[random.Next(3)])] : [],
                ended, ended is not null ? -random.Next(1, 6) : null);
        }).ToList();

        foreach (var step in night)
        {
            var referral = await _nhs.Referrals.RecordReferralAsync(Samples.Referral(step.Route));
            if (step.Decision == "declined")
                await _nhs.Referrals.DeclineReferralAsync(new DeclineReferralRequest { ReferralId = referral.ReferralId, Reason = "not suitable" });
            if (step.Decision != "accepted")
                continue;
            await _nhs.Referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = referral.ReferralId });
            if (step.Assessed)
                await _nhs.Assessments.CompleteAssessmentAsync(Samples.Assessment(referral.ReferralId));
            if (!step.Started)
                continue;
            var episode = await _nhs.Interventions.StartInterventionAsync(Samples.Episode(referral.ReferralId));
            foreach (var attendance in step.Sessions)
                await _nhs.Interventions.LogSessionAsync(new LogSessionRequest
                {
                    EpisodeId = episode.EpisodeId, SessionId = Guid.NewGuid().ToString(), Date = Samples.Today, Attendance = attendance,
                });
            if (step.EndReason is { } reason)
            {
                await _nhs.Interventions.RecordOutcomeMeasureAsync(Samples.Measure(episode.EpisodeId, "start", "mood", 20));
                await _nhs.Interventions.EndInterventionAsync(new EndInterventionRequest { EpisodeId = episode.EpisodeId, Reason = reason });
                await _nhs.Interventions.RecordOutcomeMeasureAsync(Samples.Measure(episode.EpisodeId, "end", "mood", 20 + step.MoodChange!.Value));
            }
        }

        var statistics = new NhsStatistics.NhsStatisticsClient(_nhs.Host.Channel);
        var row = (await statistics.ListMonthlyStatisticsAsync(new ListMonthlyStatisticsRequest { From = Samples.Today, To = Samples.Today })).Rows.Single();

        static string Codes(IEnumerable<string> values) =>
            string.Join(";", values.GroupBy(v => v).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}:{g.Count()}"));
        var started = night.Where(s => s.Started).ToList();
        var ended = started.Where(s => s.EndReason is not null).ToList();
        var waiting = night.Count(s => s.Decision == "waiting");
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM"), row.Month);
        Assert.Equal((night.Count, night.Count(s => s.Decision == "accepted"), night.Count(s => s.Decision == "declined"), waiting, waiting),
            (row.ReferralsReceived, row.Accepted, row.Declined, row.Waiting, row.WaitingAtMonthEnd));
        Assert.Equal(Codes(night.Select(s => s.Route)), string.Join(";", row.ReferralsByRoute.Select(c => $"{c.Code}:{c.Count}")));
        Assert.Equal((night.Count(s => s.Assessed), 0), (row.AssessmentsCompleted, row.Reassessments));
        Assert.Equal((started.Count, ended.Count), (row.InterventionsStarted, row.InterventionsEnded));
        Assert.Equal(Codes(ended.Select(s => s.EndReason!)), string.Join(";", row.EndReasons.Select(c => $"{c.Code}:{c.Count}")));
        var sessions = started.SelectMany(s => s.Sessions).ToList();
        Assert.Equal((sessions.Count(a => a == "attended"), sessions.Count(a => a == "did-not-attend"), sessions.Count(a => a == "cancelled")),
            (row.SessionsAttended, row.SessionsMissed, row.SessionsCancelled));
        Assert.Equal(ended.Count * 2, row.OutcomeMeasuresRecorded);
        if (ended.Count > 0)
        {
            var mood = row.MeasureChanges.Single();
            Assert.Equal(("mood", ended.Count, Math.Round(ended.Average(s => s.MoodChange!.Value), 2)), (mood.Measure, mood.Paired, mood.MeanChange));
        }
        Assert.InRange(row.MeanDaysToDecision, 0, 1);
    }

    [Fact]
    public async Task A_bad_period_names_its_field_and_a_role_outside_the_agreement_is_refused()
    {
        var statistics = new NhsStatistics.NhsStatisticsClient(_nhs.Host.Channel);
        var bad = await Assert.ThrowsAsync<RpcException>(() => statistics.ListMonthlyStatisticsAsync(new ListMonthlyStatisticsRequest { To = "yesterday" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.StartsWith("to:", bad.Status.Detail);
        var advocate = new NhsStatistics.NhsStatisticsClient(_nhs.Host.ChannelAs("advocacy", "advocate"));
        var denied = await Assert.ThrowsAsync<RpcException>(() => advocate.ListMonthlyStatisticsAsync(new ListMonthlyStatisticsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }
}
