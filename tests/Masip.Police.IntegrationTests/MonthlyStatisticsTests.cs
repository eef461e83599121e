using Masip.Contracts.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>The statistics by month and borough (issue 17.7), checked against what a synthetic night did.</summary>
public sealed class MonthlyStatisticsTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _host = null!;

    public async Task InitializeAsync() => _host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>What the night did to one report: its record, its tier (0: not reviewed), its closure and its referrals.</summary>
    private sealed record Step(CrimeReportRecord Record, int Tier, string? Outcome, string? Code, bool Advocacy, bool Nhs, bool Probation);

    [Fact]
    public async Task The_counts_by_month_and_borough_match_the_events_of_a_synthetic_night()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        string[] boroughs = [$"North {tag}", $"South {tag}"];
        var random = new Random(17);
        var night = Enumerable.Range(0, 30).Select(i =>
        {
            var record = StalkingRecordTests.Full(offence: i % 3 == 0 ? "s4A" : i % 3 == 1 ? "s2A" : "harassment", borough: boroughs[i % 2]);
            record.DomesticAbuse = random.Next(5) > 0;
            record.OnlineElement = random.Next(3) == 0;
            record.FearOfViolence = random.Next(2) == 0;
            record.SeriousAlarmOrDistress = random.Next(2) == 0;
            record.Incidents = random.Next(1, 4);
            // Two months: the first ten reports came in last month.
            record.ReportedOn = Synthetic.DaysAgo(i < 10 ? 35 : 1);
            record.OffenceDate = Synthetic.DaysAgo(40);
            var tier = random.Next(4);
            var outcome = tier > 0 && random.Next(2) == 0 ? (random.Next(2) == 0 ? "charge" : "nfa") : null;
            return new Step(record, tier, outcome, outcome == "charge" ? "1" : outcome == "nfa" ? "15" : null,
                tier > 0 && random.Next(3) == 0, tier > 0 && random.Next(3) == 0, tier > 0 && random.Next(3) == 0);
        }).ToList();

        var intake = new PoliceIntake.PoliceIntakeClient(_host.Channel);
        var reviews = new StacReviews.StacReviewsClient(_host.Channel);
        var referrals = new PoliceReferrals.PoliceReferralsClient(_host.Channel);
        var spo = new PoliceSpo.PoliceSpoClient(_host.Channel);
        await intake.ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { night.Select(s => s.Record) } });
        foreach (var step in night.Where(s => s.Tier > 0))
        {
            var caseId = Cases.Masip_CaseId(step.Record.CrimeReference);
            await reviews.ReviewReportAsync(ReviewTests.Review(caseId, tier: step.Tier));
            if (step.Advocacy)
                await referrals.ReferVictimToAdvocacyAsync(new ReferVictimToAdvocacyRequest
                {
                    ReferralId = Guid.NewGuid().ToString(), CrimeReference = step.Record.CrimeReference, VictimName = step.Record.VictimName, Reason = "support",
                });
            if (step.Nhs)
                await referrals.ReferPerpetratorToNhsAsync(new ReferPerpetratorToNhsRequest
                {
                    ReferralId = Guid.NewGuid().ToString(), CaseId = caseId, NhsService = "assessment", Reason = "assessment",
                });
            if (step.Probation)
                await referrals.ReferPerpetratorToProbationAsync(new ReferPerpetratorToProbationRequest
                {
                    ReferralId = Guid.NewGuid().ToString(), CaseId = caseId, Question = "known-to-probation", Reason = "known?",
                });
            if (step.Outcome is { } outcome)
            {
                await spo.RecordSpoConsideredAsync(new RecordSpoConsideredRequest
                {
                    CaseId = caseId, Reason = "not needed", WhyNot = step.Tier == 3 ? "victim-declined" : "",
                });
                await reviews.CloseCaseAsync(new CloseCaseRequest
                {
                    CaseId = caseId, Outcome = outcome, Reason = "synthetic", HomeOfficeOutcome = step.Code!,
                    NfaReason = outcome == "nfa" ? "lack-of-evidence" : "",
                });
            }
        }

        var statistics = new PoliceStatistics.PoliceStatisticsClient(_host.Channel);
        var rows = new List<MonthlyStatistics>();
        foreach (var borough in boroughs)
            rows.AddRange((await statistics.ListMonthlyStatisticsAsync(new ListMonthlyStatisticsRequest { Borough = borough })).Rows);

        var expected = night.GroupBy(s => (Month: s.Record.ReportedOn[..7], s.Record.Borough)).OrderBy(g => g.Key.Borough).ThenBy(g => g.Key.Month)
            .Select(g => new
            {
                g.Key.Month, g.Key.Borough, Reports = g.Count(),
                S4A = g.Count(s => s.Record.PrincipalClassification == "s4A"), S2A = g.Count(s => s.Record.PrincipalClassification == "s2A"),
                FearOfViolence = g.Count(s => s.Record.FearOfViolence), SeriousAlarm = g.Count(s => s.Record.SeriousAlarmOrDistress),
                Proposed = g.Count(s => s.Record.PrincipalClassification != "s4A" && s.Record.Incidents >= 2 && (s.Record.FearOfViolence || s.Record.SeriousAlarmOrDistress)),
                DomesticAbuse = g.Count(s => s.Record.DomesticAbuse), Online = g.Count(s => s.Record.OnlineElement),
                Reviewed = g.Count(s => s.Tier > 0), Tier1 = g.Count(s => s.Tier == 1), Tier2 = g.Count(s => s.Tier == 2), Tier3 = g.Count(s => s.Tier == 3),
                Closed = g.Count(s => s.Outcome is not null), Charged = g.Count(s => s.Outcome == "charge"), Nfa = g.Count(s => s.Outcome == "nfa"),
                Advocacy = g.Count(s => s.Advocacy), Nhs = g.Count(s => s.Nhs), Probation = g.Count(s => s.Probation),
            }).ToList();
        var actual = rows.Select(r => new
        {
            r.Month, r.Borough, r.Reports, r.S4A, r.S2A, FearOfViolence = r.S4AFearOfViolence, SeriousAlarm = r.S4ASeriousAlarmOrDistress,
            Proposed = r.S4AProposed, r.DomesticAbuse, Online = r.OnlineElement, r.Reviewed, r.Tier1, r.Tier2, r.Tier3, r.Closed, r.Charged, r.Nfa,
            Advocacy = r.ReferredToAdvocacy, Nhs = r.ReferredToNhs, Probation = r.ReferredToProbation,
        }).ToList();

        Assert.Equal(4, rows.Count);
        Assert.Equal(expected, actual);
        Assert.All(rows, r => Assert.Equal(r.Reviewed == 0 ? 0 : Math.Round((double)r.ReferredToAdvocacy / r.Reviewed, 4), r.AdvocacyReferralRate));
        Assert.Equal(night.Count(s => s.Code == "15"), rows.Sum(r => r.HomeOfficeOutcomes.Where(c => c.Code == "15").Sum(c => c.Count)));
        Assert.Equal(night.Count(s => s.Outcome == "nfa"), rows.Sum(r => r.NfaReasons.Where(c => c.Code == "lack-of-evidence").Sum(c => c.Count)));

        // The SPO lifecycle and "why not": every closed case had its SPO considered and not applied for, coded for Tier 3 only.
        var closed = night.Where(s => s.Outcome is not null).ToList();
        Assert.Equal((closed.Count, 0, closed.Count), (rows.Sum(r => r.SpoConsidered), rows.Sum(r => r.SpoWillApply), rows.Sum(r => r.SpoNotApplying)));
        Assert.Equal(closed.Count(s => s.Tier == 3), rows.Sum(r => r.SpoWhyNot.Where(c => c.Code == "victim-declined").Sum(c => c.Count)));
        Assert.Equal(closed.Count(s => s.Tier != 3), rows.Sum(r => r.SpoWhyNot.Where(c => c.Code == "not-coded").Sum(c => c.Count)));
        // By relationship: every report once; by tier: the reviewed, with their referrals.
        Assert.All(rows, r => Assert.Equal(r.Reports, r.Relationships.Sum(c => c.Count)));
        Assert.All(rows, r => Assert.Equal((r.Reviewed, r.ReferredToAdvocacy, r.ReferredToNhs, r.ReferredToProbation),
            (r.ReferralRatesByTier.Sum(g => g.Reviewed), r.ReferralRatesByTier.Sum(g => g.Advocacy), r.ReferralRatesByTier.Sum(g => g.Nhs), r.ReferralRatesByTier.Sum(g => g.Probation))));
        Assert.All(rows, r => Assert.Equal(r.Reviewed, r.ReferralRatesByRelationship.Sum(g => g.Reviewed)));
        foreach (var tier in new[] { 1, 2, 3 })
            Assert.Equal(night.Count(s => s.Tier == tier && s.Advocacy), rows.Sum(r => r.ReferralRatesByTier.Where(g => g.Group == tier.ToString()).Sum(g => g.Advocacy)));
    }
}
