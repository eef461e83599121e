using Grpc.Core;
using Masip.Contracts.Messages;
using Masip.Contracts.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Police.IntegrationTests;

public sealed class ReferralTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private PoliceIntake.PoliceIntakeClient _intake = null!;
    private StacReviews.StacReviewsClient _reviews = null!;
    private PoliceReferrals.PoliceReferralsClient _referrals = null!;
    private BrokerProbe _nhs = null!, _probation = null!, _advocacy = null!;

    public async Task InitializeAsync()
    {
        _nhs = await BrokerProbe.ListenAsync<PerpetratorReferredToNhsV1>(bed);
        _probation = await BrokerProbe.ListenAsync<PerpetratorReferredToProbationV1>(bed);
        _advocacy = await BrokerProbe.ListenAsync<VictimReferredToAdvocacyV1>(bed);
        var host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        _intake = new PoliceIntake.PoliceIntakeClient(host.Channel);
        _reviews = new StacReviews.StacReviewsClient(host.Channel);
        _referrals = new PoliceReferrals.PoliceReferralsClient(host.Channel);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<CaseReply> ReviewedCase()
    {
        var view = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report(pnc: Synthetic.UniquePnc()) });
        return await _reviews.ReviewReportAsync(ReviewTests.Review(view.CaseId, tier: 2));
    }

    [Fact]
    public async Task A_perpetrator_referred_to_the_NHS_is_published_without_victim_details_and_again_is_the_same_referral()
    {
        var view = await ReviewedCase();
        var request = new ReferPerpetratorToNhsRequest
        {
            ReferralId = Guid.NewGuid().ToString(), CaseId = view.CaseId, NhsService = "assessment", Reason = "fixated; SRP advised",
        };

        var first = await _referrals.ReferPerpetratorToNhsAsync(request);
        var again = await _referrals.ReferPerpetratorToNhsAsync(request);

        Assert.Equal(("nhs", "assessment", view.PerpetratorId), (first.Receiver, first.Request, first.PerpetratorId));
        Assert.Equal(first, again);
        var message = await _nhs.ReceivedAsync(request.ReferralId);
        Assert.Equal(view.SuspectPncId, message.GetProperty("pncId").GetString());
        Assert.Equal("high", message.GetProperty("riskLevel").GetString());
        Assert.DoesNotContain(view.VictimName, message.GetRawText());
        Assert.DoesNotContain(view.VictimPhone, message.GetRawText());
    }

    [Fact]
    public async Task A_perpetrator_referred_to_probation_is_published()
    {
        var view = await ReviewedCase();
        var request = new ReferPerpetratorToProbationRequest
        {
            ReferralId = Guid.NewGuid().ToString(), CaseId = view.CaseId, Question = "psr-consultation", Reason = "sentencing due",
        };

        var reply = await _referrals.ReferPerpetratorToProbationAsync(request);

        Assert.Equal(("probation", "psr-consultation"), (reply.Receiver, reply.Request));
        var message = await _probation.ReceivedAsync(request.ReferralId);
        Assert.Equal("psr-consultation", message.GetProperty("question").GetString());
    }

    [Fact]
    public async Task Bad_perpetrator_referrals_name_the_field_and_store_nothing()
    {
        var view = await ReviewedCase();
        var badService = await Assert.ThrowsAsync<RpcException>(() => _referrals.ReferPerpetratorToNhsAsync(new ReferPerpetratorToNhsRequest
        {
            ReferralId = Guid.NewGuid().ToString(), CaseId = view.CaseId, NhsService = "group-programme", Reason = "r",
        }).ResponseAsync);
        var unknownCase = await Assert.ThrowsAsync<RpcException>(() => _referrals.ReferPerpetratorToProbationAsync(new ReferPerpetratorToProbationRequest
        {
            ReferralId = Guid.NewGuid().ToString(), CaseId = Guid.NewGuid().ToString(), Question = "known-to-probation", Reason = "r",
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, badService.StatusCode);
        Assert.StartsWith("nhs_service:", badService.Status.Detail);
        Assert.Equal(StatusCode.NotFound, unknownCase.StatusCode);
        Assert.StartsWith("case_id:", unknownCase.Status.Detail);
    }

    [Fact]
    public async Task The_victim_referral_to_advocacy_names_an_existing_case_and_is_published()
    {
        var view = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report() });
        var request = new ReferVictimToAdvocacyRequest
        {
            ReferralId = Guid.NewGuid().ToString(), CrimeReference = view.CrimeReference, VictimName = view.VictimName,
            VictimPhone = view.VictimPhone, Reason = "victim asked for support",
        };

        var reply = await _referrals.ReferVictimToAdvocacyAsync(request);
        var read = await _referrals.GetVictimReferralAsync(new GetVictimReferralRequest { ReferralId = request.ReferralId });

        Assert.Equal(reply, read);
        Assert.Equal("test-police-stac-officer", reply.ReferredBy);
        await _advocacy.ReceivedAsync(request.ReferralId);
    }

    [Fact]
    public async Task A_victim_referral_naming_a_crime_reference_the_police_do_not_hold_is_NotFound_and_nothing_is_stored()
    {
        var request = new ReferVictimToAdvocacyRequest
        {
            ReferralId = Guid.NewGuid().ToString(), CrimeReference = Synthetic.Reference("MADE-UP"), VictimName = "Test Victim 9",
            Reason = "victim asked for support",
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => _referrals.ReferVictimToAdvocacyAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.StartsWith("crime_reference:", error.Status.Detail);
        var lookup = await Assert.ThrowsAsync<RpcException>(() =>
            _referrals.GetVictimReferralAsync(new GetVictimReferralRequest { ReferralId = request.ReferralId }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }
}
