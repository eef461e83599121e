using Masip.Advocacy;
using Masip.Contracts.Advocacy;
using Masip.Contracts.Police;
using Masip.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Platform.Tests;

/// <summary>
/// Victims' Code across two agencies: a charge recorded by the police becomes a "victim to be
/// updated" task at advocacy, with a due time, for the victim the police referred.
/// </summary>
public sealed class PoliceAdvocacyVictimsCodeTests(TestBed bed) : IClassFixture<TestBed>
{
    [Fact]
    public async Task A_charge_recorded_by_the_police_becomes_an_update_task_for_the_referred_victim()
    {
        var advocacy = await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name);
        var police = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        var reference = "CRIS-CODE-" + Guid.NewGuid().ToString("N")[..8];
        var report = await new PoliceIntake.PoliceIntakeClient(police.Channel).ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = new CrimeReportRecord
        {
            CrimeReference = reference, ReportedOn = DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd"),
            OffenceDate = DateTime.UtcNow.Date.AddDays(-10).ToString("yyyy-MM-dd"), PrincipalClassification = "s4A",
            SuspectName = "Test Suspect C1", SuspectDateOfBirth = "1982-02-03", VictimName = "Test Victim C1", VictimPhone = "07700 900555",
            Relationship = "ex-partner", Summary = "Synthetic.", OfficerInCase = "officer-9", Borough = "Borough D",
        }});
        var referral = Referrals.NewRequest(reference);
        referral.VictimName = "Test Victim C1";
        await new PoliceReferrals.PoliceReferralsClient(police.Channel).ReferVictimToAdvocacyAsync(referral);
        await Referrals.ArrivesAtAdvocacy(new AdvocacyReferrals.AdvocacyReferralsClient(advocacy.Channel), referral.ReferralId);

        await new PoliceSpo.PoliceSpoClient(police.Channel).RecordSpoConsideredAsync(new RecordSpoConsideredRequest
        {
            CaseId = report.CaseId, WillApply = false, Reason = "victim declined; restraining order on conviction",
        });
        var closedAt = DateTimeOffset.UtcNow;
        await new StacReviews.StacReviewsClient(police.Channel).CloseCaseAsync(new CloseCaseRequest
        {
            CaseId = report.CaseId, Outcome = "charge", Reason = "charged with s4A",
        });

        var support = new AdvocacySupport.AdvocacySupportClient(advocacy.Channel);
        var task = await Eventually.ValueAsync(async () =>
            (await support.ListUpdateTasksAsync(new ListUpdateTasksRequest { Status = "open" })).Tasks.FirstOrDefault(t => t.CrimeReference == reference),
            TimeSpan.FromSeconds(30), "the victim update task at advocacy");

        Assert.Equal("charge", task.Kind);
        Assert.Equal(referral.ReferralId, task.ReferralId);
        Assert.True(DateTimeOffset.Parse(task.DueAt) > closedAt, "the update is due after the charge, not before");
        Assert.False(task.Overdue);
    }
}
