using Masip.Contracts.Nhs;
using Masip.Contracts.Police;
using Masip.Nhs;
using Masip.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Platform.Tests;

/// <summary>
/// Across two agencies through RabbitMQ: a STAC officer refers a perpetrator to the NHS, the
/// referral waits on the NHS list, a clinician assesses, and the police see the risk summary
/// in the suspect history: never the formulation or the rating rationale.
/// </summary>
public sealed class PoliceNhsFlowTests(TestBed bed) : IClassFixture<TestBed>
{
    [Fact]
    public async Task A_police_referral_reaches_the_NHS_list_and_the_assessment_comes_back_as_a_risk_summary_only()
    {
        var nhs = await bed.StartAsync<NhsHost>(NhsHost.Name);
        var police = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        var intake = new PoliceIntake.PoliceIntakeClient(police.Channel);
        var referrals = new PoliceReferrals.PoliceReferralsClient(police.Channel);
        var perpetrators = new PolicePerpetrators.PolicePerpetratorsClient(police.Channel);
        var nhsReferrals = new NhsReferrals.NhsReferralsClient(nhs.Channel);
        var assessments = new NhsAssessments.NhsAssessmentsClient(nhs.Channel);

        var report = await intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = new CrimeReportRecord
        {
            CrimeReference = "CRIS-NHSFLOW-" + Guid.NewGuid().ToString("N")[..8], ReportedOn = DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd"),
            OffenceDate = DateTime.UtcNow.Date.AddDays(-10).ToString("yyyy-MM-dd"), PrincipalClassification = "s4A",
            SuspectName = "Test Suspect N1", SuspectDateOfBirth = "1980-01-02", SuspectPncId = $"99/{Random.Shared.Next(100000, 999999)}N",
            VictimName = "Test Victim N1", Relationship = "ex-partner", Summary = "Synthetic.", OfficerInCase = "officer-7", Borough = "Borough B",
        }});
        await new StacReviews.StacReviewsClient(police.Channel).ReviewReportAsync(new ReviewReportRequest
        {
            CaseId = report.CaseId, Fixated = true, Obsessive = true, Unwanted = true, RepeatedConduct = true, RiskLevel = "high",
            RiskRationale = "escalating", AdviceToOic = "consider an SPO", Tier = 2, TierReasons = "NHS assessment",
        });
        var referralId = Guid.NewGuid().ToString();
        await referrals.ReferPerpetratorToNhsAsync(new ReferPerpetratorToNhsRequest
        {
            ReferralId = referralId, CaseId = report.CaseId, NhsService = "assessment", Reason = "fixated, escalating",
        });

        var waiting = await Eventually.ValueAsync(async () =>
            (await nhsReferrals.ListWaitingListAsync(new ListWaitingListRequest())).Referrals.FirstOrDefault(r => r.ReferralId == referralId),
            TimeSpan.FromSeconds(30), "the referral on the NHS waiting list");
        Assert.Equal(report.PerpetratorId, waiting.PerpetratorId);
        await nhsReferrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = referralId });
        const string formulation = "FORMULATION-SECRET: attachment history and rumination";
        const string rationale = "RATIONALE-SECRET: threats at handover";
        await assessments.CompleteAssessmentAsync(new CompleteAssessmentRequest
        {
            AssessmentId = Guid.NewGuid().ToString(), ReferralId = referralId,
            RiskOfViolence = new SrpRating { Level = "high", Rationale = rationale },
            Persistence = new SrpRating { Level = "high", Rationale = rationale },
            Recurrence = new SrpRating { Level = "moderate", Rationale = rationale },
            PsychologicalDamage = new SrpRating { Level = "high", Rationale = rationale },
            Formulation = formulation, MullenTypes = { "rejected" },
            RiskSummary = "High risk of violence and persistence; review at court dates.",
        });

        var history = await Eventually.ValueAsync(async () =>
        {
            var h = await perpetrators.GetSuspectHistoryAsync(new GetSuspectHistoryRequest { PerpetratorId = report.PerpetratorId });
            return h.NhsRiskSummary is not null ? h : null;
        }, TimeSpan.FromSeconds(30), "the NHS risk summary in the police suspect history");

        Assert.Equal(("high", "high", "moderate", "high"), (history.NhsRiskSummary.RiskOfViolence, history.NhsRiskSummary.RiskOfPersistence,
            history.NhsRiskSummary.RiskOfRecurrence, history.NhsRiskSummary.RiskOfPsychologicalDamage));
        Assert.Equal("High risk of violence and persistence; review at court dates.", history.NhsRiskSummary.Summary);
        var everything = history.ToString();
        Assert.DoesNotContain("SECRET", everything);
        Assert.DoesNotContain("rejected", everything);
    }
}
