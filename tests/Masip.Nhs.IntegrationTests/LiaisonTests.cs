using Grpc.Core;
using Masip.Contracts.Nhs;
using Masip.Testing;
using Xunit;

namespace Masip.Nhs.IntegrationTests;

/// <summary>Liaison and diversion: custody contacts and court report requests.</summary>
public sealed class LiaisonTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private NhsWorld _nhs = null!;

    public async Task InitializeAsync() => _nhs = await NhsWorld.StartAsync(bed);

    public async Task DisposeAsync() => await _nhs.DisposeAsync();

    private static RecordCustodyContactRequest Contact(string perpetratorId, string outcome, string date) => new()
    {
        ContactId = Guid.NewGuid().ToString(), PerpetratorId = perpetratorId, Date = date,
        CustodySuite = "Synthetic Custody Suite", Outcome = outcome,
    };

    [Fact]
    public async Task Custody_contacts_are_recorded_once_and_listed_per_person_newest_first()
    {
        var person = Guid.NewGuid().ToString();
        var older = Contact(person, "mental-health-assessment-advised", DateTime.UtcNow.AddDays(-10).ToString("yyyy-MM-dd"));
        var newer = Contact(person, "diverted", Samples.Today);
        await _nhs.Liaison.RecordCustodyContactAsync(older);
        var recorded = await _nhs.Liaison.RecordCustodyContactAsync(newer);
        var again = await _nhs.Liaison.RecordCustodyContactAsync(newer);
        await _nhs.Liaison.RecordCustodyContactAsync(Contact(Guid.NewGuid().ToString(), "no-action", Samples.Today));

        var listed = await _nhs.Liaison.ListCustodyContactsAsync(new ListCustodyContactsRequest { PerpetratorId = person });

        Assert.Equal(recorded.RecordedAt, again.RecordedAt);
        Assert.Equal([newer.ContactId, older.ContactId], listed.Contacts.Select(c => c.ContactId));
        Assert.Equal(("diverted", "Synthetic Custody Suite"), (listed.Contacts[0].Outcome, listed.Contacts[0].CustodySuite));
        Assert.True((await _nhs.Liaison.ListCustodyContactsAsync(new ListCustodyContactsRequest())).Contacts.Count >= 3);
    }

    [Fact]
    public async Task A_custody_contact_with_an_unknown_outcome_is_InvalidArgument_and_nothing_is_stored()
    {
        var person = Guid.NewGuid().ToString();

        await NhsWorld.FailsAsync(StatusCode.InvalidArgument, "outcome",
            () => _nhs.Liaison.RecordCustodyContactAsync(Contact(person, "charged", Samples.Today)).ResponseAsync);

        Assert.Empty((await _nhs.Liaison.ListCustodyContactsAsync(new ListCustodyContactsRequest { PerpetratorId = person })).Contacts);
    }

    [Fact]
    public async Task Court_report_requests_are_recorded_and_listed_newest_first()
    {
        var person = Guid.NewGuid().ToString();
        RecordCourtReportRequestRequest Report(int days) => new()
        {
            ReportId = Guid.NewGuid().ToString(), PerpetratorId = person, Court = "Synthetic Magistrates' Court",
            Requester = "defence solicitor", DueDate = DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd"),
        };
        var later = Report(40);
        var sooner = Report(14);
        await _nhs.Liaison.RecordCourtReportRequestAsync(later);
        var recorded = await _nhs.Liaison.RecordCourtReportRequestAsync(sooner);

        var listed = await _nhs.Liaison.ListCourtReportsAsync(new ListCourtReportsRequest { PerpetratorId = person });

        Assert.Equal(sooner.DueDate, recorded.DueDate);
        Assert.Equal([sooner.ReportId, later.ReportId], listed.Reports.Select(r => r.ReportId));
        var altered = later.Clone();
        altered.Court = "Synthetic Crown Court";
        await NhsWorld.FailsAsync(StatusCode.AlreadyExists, "report_id", () => _nhs.Liaison.RecordCourtReportRequestAsync(altered).ResponseAsync);
        await NhsWorld.FailsAsync(StatusCode.InvalidArgument, "due_date", () => _nhs.Liaison.RecordCourtReportRequestAsync(
            new RecordCourtReportRequestRequest { ReportId = Guid.NewGuid().ToString(), PerpetratorId = person, Court = "c", Requester = "r", DueDate = "soon" }).ResponseAsync);
        Assert.Equal(2, (await _nhs.Liaison.ListCourtReportsAsync(new ListCourtReportsRequest { PerpetratorId = person })).Reports.Count);
    }
}
