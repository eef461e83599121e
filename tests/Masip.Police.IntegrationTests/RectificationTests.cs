using Grpc.Core;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Masip.Contracts.DataProtection;
using Masip.Contracts.Messages;
using Masip.Contracts.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>
/// Rectification reaches every copy the police keep and send (issue 19): a correction of the case's
/// victim corrects the police's own referral of them (GetVictimReferral); a re-import of the crime
/// report carrying the old value keeps the correction, a newer value from the crime system wins; a
/// correction of the suspect whose case was referred to the NHS is published to the NHS.
/// </summary>
public sealed class RectificationTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _host = null!;
    private PoliceIntake.PoliceIntakeClient _intake = null!;
    private PoliceReferrals.PoliceReferralsClient _referrals = null!;
    private Masip.Contracts.DataProtection.DataProtection.DataProtectionClient _dpo = null!;
    private BrokerProbe _nhs = null!;

    public async Task InitializeAsync()
    {
        _nhs = await BrokerProbe.ListenAsync<SuspectDetailsRectifiedV1>(bed);
        _host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        _intake = new PoliceIntake.PoliceIntakeClient(_host.Channel);
        _referrals = new PoliceReferrals.PoliceReferralsClient(_host.ChannelAs("police", "stac-officer", "referral"));
        _dpo = new Masip.Contracts.DataProtection.DataProtection.DataProtectionClient(_host.ChannelAs("police", "auditor", "subject-access"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<RectificationReply> Rectify(string caseId, string field, string value) =>
        _dpo.RectifyRecordAsync(new RectifyRecordRequest
        {
            Record = "case", RecordId = caseId, Field = field, Value = value, Reason = "Art. 16 request: recorded wrongly (synthetic)",
        }).ResponseAsync;

    [Fact]
    public async Task A_correction_of_the_victim_corrects_the_polices_own_referral_of_them()
    {
        var report = Synthetic.Report();
        var view = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = report });
        var referralId = Guid.NewGuid().ToString();
        await _referrals.ReferVictimToAdvocacyAsync(new ReferVictimToAdvocacyRequest
        {
            ReferralId = referralId, CrimeReference = report.CrimeReference, VictimName = report.VictimName, VictimPhone = report.VictimPhone,
            Reason = "Synthetic: wants support",
        });

        await Rectify(view.CaseId, "victim.phone", "07700 900 111");
        await Rectify(view.CaseId, "victim.name", "Test Victim Corrected");
        await Rectify(view.CaseId, "victim.address", "3 Test Road");

        var referral = await _referrals.GetVictimReferralAsync(new GetVictimReferralRequest { ReferralId = referralId });
        var seen = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = view.CaseId });
        Assert.Equal(("Test Victim Corrected", "07700 900 111"), (referral.VictimName, referral.VictimPhone));
        Assert.Equal(("Test Victim Corrected", "07700 900 111", "3 Test Road"), (seen.VictimName, seen.VictimPhone, seen.VictimAddress));
        Assert.Equal("Synthetic: wants support", referral.Reason);
    }

    [Fact]
    public async Task A_correction_of_the_suspect_corrects_the_identity_first_reported_in_that_case_and_no_other()
    {
        var first = Synthetic.Report(suspect: "Test Suspect " + Guid.NewGuid().ToString("N")[..6]);
        var origin = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = first });
        var later = Synthetic.Report(suspect: first.SuspectName, pnc: first.SuspectPncId);
        later.SuspectDateOfBirth = first.SuspectDateOfBirth;
        var linked = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = later });
        Assert.Equal(origin.PerpetratorId, linked.PerpetratorId);
        var store = _host.Services.GetRequiredService<IDocumentStore>();

        // The later case's correction is that case's: the identity keeps its own first report's name.
        await Rectify(linked.CaseId, "suspect.name", "Test Suspect Elsewhere");
        await using (var session = store.QuerySession())
            Assert.Equal(first.SuspectName, (await session.LoadAsync<Perpetrators.Perpetrator>(Guid.Parse(origin.PerpetratorId)))!.Name);

        // The first report's correction is the identity's: its name and the key later reports match by.
        await Rectify(origin.CaseId, "suspect.name", "Test Suspect Corrected");
        await Rectify(origin.CaseId, "suspect.name", "Test Suspect Corrected");
        await using (var session = store.QuerySession())
        {
            var identity = (await session.LoadAsync<Perpetrators.Perpetrator>(Guid.Parse(origin.PerpetratorId)))!;
            Assert.Equal("Test Suspect Corrected", identity.Name);
            Assert.Equal(Perpetrators.SuspectKeys.NameAndBirth("Test Suspect Corrected", identity.DateOfBirth), identity.NameKey);
            var events = await session.Events.FetchStreamAsync(identity.Id);
            Assert.Single(events, e => e.Data is Perpetrators.PerpetratorDetailsCorrected);
        }
    }

    [Fact]
    public async Task A_reimport_carrying_the_old_value_keeps_the_correction_and_a_newer_value_from_the_crime_system_wins()
    {
        var report = Synthetic.Report();
        var view = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = report });
        await Rectify(view.CaseId, "victim.phone", "07700 900 111");
        await Rectify(view.CaseId, "suspect.dateOfBirth", "1986-03-14");

        var amended = report.Clone();
        amended.Summary = "Synthetic summary: repeated unwanted messages, and a visit.";
        await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = amended });
        await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = amended });
        var kept = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = view.CaseId });

        Assert.Equal(("07700 900 111", "1986-03-14", amended.Summary), (kept.VictimPhone, kept.SuspectDateOfBirth, kept.Summary));

        var newer = amended.Clone();
        newer.VictimPhone = "07700 900 999";
        await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = newer });
        var taken = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = view.CaseId });

        Assert.Equal(("07700 900 999", "1986-03-14"), (taken.VictimPhone, taken.SuspectDateOfBirth));
        var history = await _dpo.GetRectificationHistoryAsync(new GetRectificationHistoryRequest { Record = "case", RecordId = view.CaseId });
        Assert.Equal([("victim.phone", report.VictimPhone), ("suspect.dateOfBirth", "1985-03-14")],
            history.Rectifications.Select(r => (r.Field, r.OldValue)));
    }

    [Fact]
    public async Task A_correction_of_a_suspect_referred_to_the_NHS_goes_to_the_NHS_and_one_not_referred_does_not()
    {
        var referred = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report(pnc: Synthetic.UniquePnc()) });
        var reviewed = await new StacReviews.StacReviewsClient(_host.Channel).ReviewReportAsync(ReviewTests.Review(referred.CaseId, tier: 2));
        await _referrals.ReferPerpetratorToNhsAsync(new ReferPerpetratorToNhsRequest
        {
            ReferralId = Guid.NewGuid().ToString(), CaseId = reviewed.CaseId, NhsService = "assessment", Reason = "fixated; SRP advised",
        });
        var notReferred = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report(pnc: Synthetic.UniquePnc()) });

        await Rectify(notReferred.CaseId, "suspect.name", "Test Suspect Not Referred");
        await Rectify(referred.CaseId, "victim.phone", "07700 900 111");
        await Rectify(referred.CaseId, "suspect.name", "Test Suspect Corrected");
        var message = await _nhs.ReceivedAsync(referred.CaseId);

        Assert.Equal(("suspect.name", "Test Suspect Corrected", reviewed.PerpetratorId),
            (message.GetProperty("field").GetString(), message.GetProperty("suspectName").GetString(), message.GetProperty("perpetratorId").GetString()));
        // The relay maps in order: the last correction's message is the sentinel; the earlier ones (another case's
        // suspect, not referred; this case's victim) made none.
        Assert.Equal(0, await _nhs.CountAsync(notReferred.CaseId));
        Assert.Equal(1, await _nhs.CountAsync(referred.CaseId));
    }

    [Fact]
    public async Task A_bad_field_or_value_is_refused_naming_it()
    {
        var view = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report() });

        var badField = await Assert.ThrowsAsync<RpcException>(() => Rectify(view.CaseId, "summary", "x"));
        var badValue = await Assert.ThrowsAsync<RpcException>(() => Rectify(view.CaseId, "victim.phone", "07700\n900"));

        Assert.Equal((StatusCode.InvalidArgument, true), (badField.StatusCode, badField.Status.Detail.StartsWith("field:")));
        Assert.Equal((StatusCode.InvalidArgument, true), (badValue.StatusCode, badValue.Status.Detail.StartsWith("value:")));
    }
}
