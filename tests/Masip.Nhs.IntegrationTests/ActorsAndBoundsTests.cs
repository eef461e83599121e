using Grpc.Core;
using Masip.Contracts.Nhs;
using Masip.Testing;
using Xunit;

namespace Masip.Nhs.IntegrationTests;

/// <summary>
/// Who acted is the caller's token, never a request field (issue 12.2); a request outside the
/// bounds nhs.proto declares is refused naming the field before anything is decided (issue 14.2).
/// </summary>
public sealed class ActorsAndBoundsTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private NhsWorld _nhs = null!;

    public async Task InitializeAsync() => _nhs = await NhsWorld.StartAsync(bed);

    public async Task DisposeAsync() => await _nhs.DisposeAsync();

    [Fact]
    public async Task A_referral_recorded_by_probation_keeps_its_referrer_and_the_caller_who_recorded_and_decided_it()
    {
        using var probation = _nhs.Host.ChannelAs("probation", "probation-officer", "referral", "probation-officer-synthetic-12");
        using var clinician = _nhs.Host.ChannelAs("nhs", "clinician", subject: "clinician-synthetic-34");
        var request = Samples.Referral("probation");
        request.Referrer = "Synthetic Probation Delivery Unit";

        var recorded = await new NhsReferrals.NhsReferralsClient(probation).RecordReferralAsync(request);
        var accepted = await new NhsReferrals.NhsReferralsClient(clinician).AcceptReferralAsync(new AcceptReferralRequest { ReferralId = request.ReferralId });

        Assert.Equal(("Synthetic Probation Delivery Unit", "probation-officer-synthetic-12"), (recorded.Referrer, recorded.RecordedBy));
        Assert.Equal(("clinician-synthetic-34", "Synthetic Probation Delivery Unit"), (accepted.DecidedBy, accepted.Referrer));
        Assert.Equal(["probation-officer-synthetic-12", "clinician-synthetic-34"], await _nhs.ActorsAsync(Guid.Parse(request.ReferralId)));
    }

    [Fact]
    public async Task An_episode_a_custody_contact_and_a_court_report_name_the_caller()
    {
        using var channel = _nhs.Host.ChannelAs("nhs", "clinician", subject: "clinician-synthetic-56");
        var referral = await Samples.AcceptedReferralAsync(_nhs);
        var episode = await new NhsInterventions.NhsInterventionsClient(channel).StartInterventionAsync(Samples.Episode(referral.ReferralId));
        var liaison = new NhsLiaison.NhsLiaisonClient(channel);
        var contact = await liaison.RecordCustodyContactAsync(new RecordCustodyContactRequest
        {
            ContactId = Guid.NewGuid().ToString(), PerpetratorId = referral.PerpetratorId, ReferralId = referral.ReferralId,
            Date = Samples.Today, CustodySuite = "Synthetic Custody Suite", Outcome = "diverted",
        });
        var report = await liaison.RecordCourtReportRequestAsync(new RecordCourtReportRequestRequest
        {
            ReportId = Guid.NewGuid().ToString(), PerpetratorId = referral.PerpetratorId, Court = "Synthetic Magistrates' Court",
            Requester = "defence solicitor", DueDate = DateTime.UtcNow.AddDays(21).ToString("yyyy-MM-dd"),
        });

        Assert.Equal("clinician-synthetic-56", episode.Clinician);
        Assert.Equal("clinician-synthetic-56", contact.Clinician);
        Assert.Equal(("defence solicitor", "clinician-synthetic-56"), (report.Requester, report.RecordedBy));
        Assert.Equal(["clinician-synthetic-56"], await _nhs.ActorsAsync(Guid.Parse(contact.ContactId)));
    }

    [Fact]
    public async Task An_absurd_date_is_InvalidArgument_naming_the_field_and_nothing_is_stored()
    {
        var referral = Samples.Referral();
        referral.DateOfBirth = "0001-01-01";
        var episode = await _nhs.Interventions.StartInterventionAsync(Samples.Episode((await Samples.AcceptedReferralAsync(_nhs)).ReferralId));
        var session = new LogSessionRequest
        {
            EpisodeId = episode.EpisodeId, SessionId = Guid.NewGuid().ToString(), Date = "9999-12-31", Attendance = "attended",
        };

        var born = await NhsWorld.FailsAsync(StatusCode.InvalidArgument, "date_of_birth", () => _nhs.Referrals.RecordReferralAsync(referral).ResponseAsync);
        var future = await NhsWorld.FailsAsync(StatusCode.InvalidArgument, "date", () => _nhs.Interventions.LogSessionAsync(session).ResponseAsync);

        Assert.StartsWith("date_of_birth: must not be before ", born.Status.Detail);
        Assert.Equal("date: must not be in the future", future.Status.Detail);
        Assert.Equal(0, await _nhs.EventCountAsync(Guid.Parse(referral.ReferralId)));
        Assert.Equal(1, await _nhs.EventCountAsync(Guid.Parse(episode.EpisodeId)));
    }

    [Fact]
    public async Task A_NUL_in_a_name_and_an_oversized_reason_are_InvalidArgument_naming_the_field_and_nothing_is_stored()
    {
        var nul = Samples.Referral();
        nul.PerpetratorName = "Test\0Person";
        var huge = Samples.Referral();
        huge.Reason = new string('r', 4001);

        var error = await NhsWorld.FailsAsync(StatusCode.InvalidArgument, "perpetrator_name", () => _nhs.Referrals.RecordReferralAsync(nul).ResponseAsync);
        await NhsWorld.FailsAsync(StatusCode.InvalidArgument, "reason", () => _nhs.Referrals.RecordReferralAsync(huge).ResponseAsync);

        Assert.Equal("perpetrator_name: must not contain a NUL character", error.Status.Detail);
        Assert.Equal(0, await _nhs.EventCountAsync(Guid.Parse(nul.ReferralId)));
        Assert.Equal(0, await _nhs.EventCountAsync(Guid.Parse(huge.ReferralId)));
    }

    [Fact]
    public async Task A_liaison_record_naming_an_unknown_referral_or_another_persons_is_refused_naming_referral_id()
    {
        var referral = await Samples.AcceptedReferralAsync(_nhs);
        RecordCustodyContactRequest Contact(string referralId) => new()
        {
            ContactId = Guid.NewGuid().ToString(), PerpetratorId = Guid.NewGuid().ToString(), ReferralId = referralId,
            Date = Samples.Today, CustodySuite = "Synthetic Custody Suite", Outcome = "no-action",
        };
        var unknown = Contact(Guid.NewGuid().ToString());
        var another = Contact(referral.ReferralId);
        var report = new RecordCourtReportRequestRequest
        {
            ReportId = Guid.NewGuid().ToString(), PerpetratorId = Guid.NewGuid().ToString(), ReferralId = referral.ReferralId,
            Court = "Synthetic Crown Court", Requester = "the court", DueDate = Samples.Today,
        };

        await NhsWorld.FailsAsync(StatusCode.NotFound, "referral_id", () => _nhs.Liaison.RecordCustodyContactAsync(unknown).ResponseAsync);
        await NhsWorld.FailsAsync(StatusCode.FailedPrecondition, "referral_id", () => _nhs.Liaison.RecordCustodyContactAsync(another).ResponseAsync);
        await NhsWorld.FailsAsync(StatusCode.FailedPrecondition, "referral_id", () => _nhs.Liaison.RecordCourtReportRequestAsync(report).ResponseAsync);

        Assert.Equal(0, await _nhs.EventCountAsync(Guid.Parse(unknown.ContactId)));
        Assert.Equal(0, await _nhs.EventCountAsync(Guid.Parse(another.ContactId)));
        Assert.Equal(0, await _nhs.EventCountAsync(Guid.Parse(report.ReportId)));
    }
}
