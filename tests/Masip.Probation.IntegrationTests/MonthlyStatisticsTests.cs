using Grpc.Core;
using Masip.Contracts.Messages;
using Masip.Contracts.Probation;
using Masip.Testing;
using Xunit;
using static Masip.Probation.IntegrationTests.ProbationUnderTest;

namespace Masip.Probation.IntegrationTests;

/// <summary>The probation figures by month (issue 17.7), checked against what a synthetic night did.</summary>
public sealed class MonthlyStatisticsTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ProbationUnderTest _probation = null!;

    public async Task InitializeAsync() => _probation = await StartAsync(bed);

    public async Task DisposeAsync() => await _probation.DisposeAsync();

    private async Task<RegisterPersonRequest> Person(Guid? perpetratorId = null)
    {
        var person = NewPerson(perpetratorId ?? Guid.NewGuid());
        await _probation.People.RegisterPersonAsync(person);
        return person;
    }

    [Fact]
    public async Task The_counts_by_month_match_the_events_of_a_synthetic_night()
    {
        // PSR consultations: two with STAC input and submitted (both before their due date), one withdrawn, three open.
        var subject = await Person();
        string[] fates = ["submitted", "submitted", "withdrawn", "open", "open", "open"];
        foreach (var fate in fates)
        {
            var id = Guid.NewGuid().ToString();
            await _probation.Psr.RequestPsrConsultationAsync(new RequestPsrConsultationRequest
            {
                ConsultationId = id, PersonId = subject.PersonId, Court = "Test Magistrates' Court", HearingDate = Date(37), DueDate = Date(30),
                Offence = "s4A", Requester = "writer-001", RequesterRole = "court-report-writer",
            });
            if (fate == "submitted")
                await _probation.Psr.RecordStacInputAsync(new RecordStacInputRequest
                {
                    ConsultationId = id, ReviewedPapers = "MG5", History = "two prior harassment matters", StalkingConsiderations = "fixated",
                });
            if (fate == "submitted")
                await _probation.Psr.SubmitPsrConsultationAsync(new SubmitPsrConsultationRequest { ConsultationId = id });
            if (fate == "withdrawn")
                await _probation.Psr.WithdrawPsrConsultationAsync(new WithdrawPsrConsultationRequest { ConsultationId = id, Reason = "case discontinued" });
        }

        // MAPPA: one person considered; one referred, accepted and set to category 3; one set to category 2.
        var considered = await Person();
        await _probation.Mappa.RecordMappaAsync(new RecordMappaRequest { PersonId = considered.PersonId, Kind = "considered", Rationale = "no MAPPA criteria" });
        var referred = await Person();
        await _probation.Mappa.RecordMappaAsync(new RecordMappaRequest { PersonId = referred.PersonId, Kind = "referred", Category = 3 });
        await _probation.Mappa.RecordMappaAsync(new RecordMappaRequest { PersonId = referred.PersonId, Kind = "accepted" });
        await _probation.Mappa.RecordMappaAsync(new RecordMappaRequest { PersonId = referred.PersonId, Kind = "category-set", Category = 3, Level = 2 });
        var categorised = await Person();
        await _probation.Mappa.RecordMappaAsync(new RecordMappaRequest { PersonId = categorised.PersonId, Kind = "category-set", Category = 2, Level = 1 });

        // Releases within 28 days: one with a no-contact condition, one without.
        var withCondition = Guid.NewGuid();
        var conditioned = await Person(withCondition);
        await _probation.People.AddLicenceConditionAsync(new AddLicenceConditionRequest
        {
            PersonId = conditioned.PersonId, ConditionId = Guid.NewGuid().ToString(), Kind = "no-contact", Detail = "no contact with the victim", ProtectedPerson = "Test Victim 9",
        });
        await _probation.People.RecordCustodyAsync(new RecordCustodyRequest { PersonId = conditioned.PersonId, Establishment = "HMP Test A", ExpectedRelease = Date(10) });
        var without = Guid.NewGuid();
        var plain = await Person(without);
        await _probation.People.RecordCustodyAsync(new RecordCustodyRequest { PersonId = plain.PersonId, Establishment = "HMP Test B", ExpectedRelease = Date(5) });
        await _probation.ScanNow();
        await _probation.Receives<ReleaseDueV1>(m => m.PerpetratorId == withCondition, "the release due with a condition");
        await _probation.Receives<ReleaseDueV1>(m => m.PerpetratorId == without, "the release due without");

        var statistics = new ProbationStatistics.ProbationStatisticsClient(_probation.ChannelFor("case-management"));
        var rows = (await statistics.ListMonthlyStatisticsAsync(new ListMonthlyStatisticsRequest { From = Date(0), To = Date(40) })).Rows;
        var thisMonth = rows.Single(r => r.Month == DateTime.UtcNow.ToString("yyyy-MM"));

        Assert.Equal(rows.OrderBy(r => r.Month, StringComparer.Ordinal).Select(r => r.Month), rows.Select(r => r.Month));
        Assert.Equal((6, 2, 2, 1, 3), (thisMonth.PsrRequested, thisMonth.PsrSubmitted, thisMonth.PsrSubmittedByDueDate, thisMonth.PsrWithdrawn, thisMonth.PsrOpen));
        Assert.Equal((3, 1, 1), (thisMonth.MappaConsidered, thisMonth.MappaReferred, thisMonth.MappaAccepted));
        Assert.Equal("2:1;3:1", string.Join(";", thisMonth.MappaCategories.Select(c => $"{c.Code}:{c.Count}")));
        Assert.Equal((2, 1), (rows.Sum(r => r.ReleasesDue), rows.Sum(r => r.ReleasesDueWithLicenceConditions)));
        var releaseMonths = new[] { Date(5)[..7], Date(10)[..7] };
        Assert.All(rows.Where(r => r.ReleasesDue > 0), r => Assert.Contains(r.Month, releaseMonths));
        // Nothing before the period: an empty period has no rows.
        Assert.Empty((await statistics.ListMonthlyStatisticsAsync(new ListMonthlyStatisticsRequest { From = "2020-01-01", To = "2020-01-31" })).Rows);
    }

    [Fact]
    public async Task Paging_is_by_month_and_a_role_outside_the_agreement_is_refused()
    {
        var statistics = new ProbationStatistics.ProbationStatisticsClient(_probation.ChannelFor("case-management"));
        await Refused(statistics.ListMonthlyStatisticsAsync(new ListMonthlyStatisticsRequest { From = "2026-02-30" }), StatusCode.InvalidArgument, "from");
        await Refused(statistics.ListMonthlyStatisticsAsync(new ListMonthlyStatisticsRequest { Page = new() { PageSize = -1 } }), StatusCode.InvalidArgument, "page.page_size");
        var advocate = new ProbationStatistics.ProbationStatisticsClient(_probation.ChannelAsRole("advocacy", "advocate"));
        var denied = await Assert.ThrowsAsync<RpcException>(() => advocate.ListMonthlyStatisticsAsync(new ListMonthlyStatisticsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }
}
