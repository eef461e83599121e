using Masip.Contracts.Police;
using Masip.Contracts.Probation;
using Masip.Police;
using Masip.Probation;
using Masip.Testing;
using Xunit;

namespace Masip.Platform.Tests;

/// <summary>
/// Across two agencies through RabbitMQ: "is this person known to probation?" is answered from
/// probation's records with what the agreement lets probation share, and "not known" otherwise.
/// </summary>
public sealed class PoliceProbationFlowTests(TestBed bed) : IClassFixture<TestBed>
{
    [Fact]
    public async Task A_person_on_probation_comes_back_known_with_their_order_and_an_unknown_person_not_known()
    {
        var probation = await bed.StartAsync<ProbationHost>(ProbationHost.Name);
        var police = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        var people = new ProbationPeople.ProbationPeopleClient(probation.Channel);
        var knownPnc = $"99/{Random.Shared.Next(100000, 999999)}P";
        var personId = Guid.NewGuid().ToString();
        await people.RegisterPersonAsync(new RegisterPersonRequest { PersonId = personId, Name = "Test Person P1", DateOfBirth = "1979-05-06", PncId = knownPnc });
        await people.RecordSupervisionAsync(new RecordSupervisionRequest
        {
            PersonId = personId, SupervisionId = Guid.NewGuid().ToString(), OrderType = "community-order",
            StartDate = "2026-01-10", EndDate = "2027-07-09", ResponsibleOfficer = "PO Test Officer",
        });

        var known = await ReferAndWaitForAnswer(police, knownPnc, "Test Person P1", "1979-05-06");
        var unknown = await ReferAndWaitForAnswer(police, $"99/{Random.Shared.Next(100000, 999999)}U", "Test Person U1", "1990-09-09");

        Assert.True(known.KnownToProbation);
        Assert.Equal(("community-order", "2027-07-09", "PO Test Officer"), (known.OrderType, known.OrderEnds, known.ResponsibleOfficer));
        Assert.False(unknown.KnownToProbation);
        Assert.Equal("", unknown.OrderType);
    }

    private static async Task<PartnerProbationRecord> ReferAndWaitForAnswer(ServiceUnderTest<PoliceHost> police, string pnc, string name, string dateOfBirth)
    {
        var report = await new PoliceIntake.PoliceIntakeClient(police.Channel).ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = new CrimeReportRecord
        {
            CrimeReference = "CRIS-PROB-" + Guid.NewGuid().ToString("N")[..8], ReportedOn = DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd"),
            OffenceDate = DateTime.UtcNow.Date.AddDays(-10).ToString("yyyy-MM-dd"), PrincipalClassification = "s4A",
            SuspectName = name, SuspectDateOfBirth = dateOfBirth, SuspectPncId = pnc,
            VictimName = "Test Victim P", Relationship = "ex-partner", Summary = "Synthetic.", OfficerInCase = "officer-8", Borough = "Borough C",
        }});
        await new PoliceReferrals.PoliceReferralsClient(police.Channel).ReferPerpetratorToProbationAsync(new ReferPerpetratorToProbationRequest
        {
            ReferralId = Guid.NewGuid().ToString(), CaseId = report.CaseId, Question = "known-to-probation", Reason = "DMM",
        });
        var perpetrators = new PolicePerpetrators.PolicePerpetratorsClient(police.Channel);
        var history = await Eventually.ValueAsync(async () =>
        {
            var h = await perpetrators.GetSuspectHistoryAsync(new GetSuspectHistoryRequest { PerpetratorId = report.PerpetratorId });
            return h.ProbationRecord is not null ? h : null;
        }, TimeSpan.FromSeconds(30), "probation's answer in the police suspect history");
        return history.ProbationRecord;
    }
}
