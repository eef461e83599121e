using Grpc.Core;
using Masip.Contracts.Advocacy;
using Masip.Testing;
using Xunit;

namespace Masip.Advocacy.IntegrationTests;

/// <summary>The advocacy figures by month (issue 17.7), checked against what a synthetic night did.</summary>
public sealed class MonthlyStatisticsTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private Advocacy _advocacy = null!;
    private ServiceUnderTest<AdvocacyHost> _host = null!;

    public async Task InitializeAsync()
    {
        _host = await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name);
        _advocacy = new Advocacy(_host, bed);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>What the night did to one referral.</summary>
    private sealed record Step(string Source, string Decision, bool Contacted, int Yes, bool Allocated, string? Outcome);

    [Fact]
    public async Task The_counts_by_month_match_the_events_of_a_synthetic_night()
    {
        var random = new Random(17);
        var night = Enumerable.Range(0, 16).Select(i =>
        {
            var decision = i % 4 == 0 ? "pending" : i % 4 == 1 ? "declined" : "accepted";
            var accepted = decision == "accepted";
            var allocated = accepted && random.Next(3) > 0;
            return new Step(i % 3 == 0 ? "self" : "helpline", decision, accepted && random.Next(2) == 0, random.Next(2) == 0 ? 10 : 1,
                allocated, allocated && random.Next(2) == 0 ? (random.Next(2) == 0 ? "support-completed" : "victim-disengaged") : null);
        }).ToList();

        var advocates = new[] { "advocate-s1", "advocate-s2" };
        var n = 0;
        foreach (var step in night)
        {
            var referral = await _advocacy.Recorded(Advocacy.NewReferral(source: step.Source));
            if (step.Decision == "declined")
                await _advocacy.Referrals.DeclineReferralAsync(new DeclineReferralRequest { ReferralId = referral.ReferralId, Reason = "out of area" });
            if (step.Decision != "accepted")
                continue;
            await _advocacy.Referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = referral.ReferralId });
            if (step.Contacted)
                await _advocacy.Referrals.LogContactAsync(new LogContactRequest { ReferralId = referral.ReferralId, Channel = "phone", Summary = "first call" });
            var triage = new TriageReferralRequest { ReferralId = referral.ReferralId };
            for (var q = 1; q <= 12; q++)
                triage.SashAnswers.Add(new SashAnswer { Question = $"q{q:00}", Yes = q <= step.Yes });
            await _advocacy.Referrals.TriageReferralAsync(triage);
            if (!step.Allocated)
                continue;
            var episode = await _advocacy.Support.AllocateSupportAsync(new AllocateSupportRequest { ReferralId = referral.ReferralId, AdvocateId = advocates[n++ % 2] });
            if (step.Outcome is { } outcome)
                await _advocacy.Support.CloseEpisodeAsync(new CloseEpisodeRequest { EpisodeId = episode.EpisodeId, Outcome = outcome });
        }

        var statistics = new AdvocacyStatistics.AdvocacyStatisticsClient(_host.Channel);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var row = (await statistics.ListMonthlyStatisticsAsync(new ListMonthlyStatisticsRequest { From = today, To = today })).Rows.Single();

        var accepted = night.Where(s => s.Decision == "accepted").ToList();
        var allocated = night.Where(s => s.Allocated).ToList();
        var open = allocated.Where(s => s.Outcome is null).ToList();
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM"), row.Month);
        Assert.Equal(
            (night.Count, accepted.Count, night.Count(s => s.Decision == "declined"), night.Count(s => s.Decision == "pending")),
            (row.ReferralsReceived, row.Accepted, row.Declined, row.Pending));
        Assert.Equal(night.GroupBy(s => s.Source).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}:{g.Count()}"),
            row.ReferralsBySource.Select(c => $"{c.Code}:{c.Count}"));
        Assert.Equal(Math.Round((double)accepted.Count / (night.Count - night.Count(s => s.Decision == "pending")), 4), row.AcceptanceRate);
        Assert.Equal((accepted.Count, accepted.Count(s => s.Yes == 10), 0, accepted.Count(s => s.Yes == 1)),
            (row.Triaged, row.RiskHigh, row.RiskMedium, row.RiskStandard));
        Assert.Equal((accepted.Count(s => s.Contacted), accepted.Count(s => s.Contacted)), (row.Contacted, row.ContactedWithin48Hours));
        Assert.InRange(row.MeanHoursToFirstContact, 0, 1);
        Assert.Equal((allocated.Count, allocated.Count(s => s.Yes == 1), allocated.Count(s => s.Yes == 10)),
            (row.EpisodesOpened, row.BriefOpened, row.AdvocacyOpened));
        Assert.Equal(allocated.Count(s => s.Outcome is not null), row.EpisodesClosed);
        Assert.Equal(allocated.Where(s => s.Outcome is not null).GroupBy(s => s.Outcome!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}:{g.Count()}"),
            row.Outcomes.Select(c => $"{c.Code}:{c.Count}"));
        Assert.Equal((open.Count(s => s.Yes == 10), open.Count(s => s.Yes == 1)), (row.OpenAdvocacyCasesAtMonthEnd, row.OpenBriefCasesAtMonthEnd));
        Assert.InRange(row.LargestAdvocacyCaseloadAtMonthEnd, open.Count(s => s.Yes == 10) == 0 ? 0 : 1, open.Count(s => s.Yes == 10));
    }

    [Fact]
    public async Task A_bad_period_names_its_field_and_a_role_outside_the_agreement_is_refused()
    {
        var statistics = new AdvocacyStatistics.AdvocacyStatisticsClient(_host.Channel);
        await Advocacy.Refused(() => statistics.ListMonthlyStatisticsAsync(new ListMonthlyStatisticsRequest { From = "2026-13-01" }).ResponseAsync,
            StatusCode.InvalidArgument, "from");
        await Advocacy.Refused(() => statistics.ListMonthlyStatisticsAsync(new ListMonthlyStatisticsRequest { From = "2026-05-02", To = "2026-05-01" }).ResponseAsync,
            StatusCode.InvalidArgument, "to");
        var clinician = new AdvocacyStatistics.AdvocacyStatisticsClient(_host.ChannelAs("nhs", "clinician"));
        var denied = await Assert.ThrowsAsync<RpcException>(() => clinician.ListMonthlyStatisticsAsync(new ListMonthlyStatisticsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        var chair = new AdvocacyStatistics.AdvocacyStatisticsClient(_host.ChannelAs("police", "meeting-chair"));
        Assert.Empty((await chair.ListMonthlyStatisticsAsync(new ListMonthlyStatisticsRequest { From = "2020-01-01", To = "2020-01-31" })).Rows);
    }
}
