using Grpc.Core;
using Masip.Advocacy;
using Masip.Contracts.Advocacy;
using Masip.Contracts.Police;
using Masip.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Platform.Tests;

/// <summary>A police referral travels through the police event store, the outbox and RabbitMQ to advocacy.</summary>
public sealed class ReferralFlowTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _policeHost = null!;
    private PoliceReferrals.PoliceReferralsClient _police = null!;
    private AdvocacyReferrals.AdvocacyReferralsClient _advocacy = null!;

    public async Task InitializeAsync()
    {
        var advocacy = await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name);
        _policeHost = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        _advocacy = new AdvocacyReferrals.AdvocacyReferralsClient(advocacy.Channel);
        _police = new PoliceReferrals.PoliceReferralsClient(_policeHost.Channel);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_referral_recorded_by_police_appears_as_a_pending_advocacy_referral()
    {
        var request = await Referrals.NewRequestAsync(_policeHost);

        var recorded = await _police.ReferVictimToAdvocacyAsync(request);
        var received = await Referrals.ArrivesAtAdvocacy(_advocacy, request.ReferralId);

        Assert.Equal(request.ReferralId, recorded.ReferralId);
        Assert.Equal("pending", received.Status);
        Assert.Equal("police", received.Source);
        Assert.Equal(request.CrimeReference, received.CrimeReference);
        Assert.Equal(request.VictimName, received.VictimName);
        Assert.Equal(request.Reason, received.Reason);
        var pending = await _advocacy.ListReferralsAsync(new ListReferralsRequest { Status = "pending" });
        Assert.Contains(pending.Referrals, r => r.ReferralId == request.ReferralId);
    }

    [Fact]
    public async Task Sending_the_same_referral_twice_records_it_once()
    {
        var request = await Referrals.NewRequestAsync(_policeHost, "CRIS-TEST-0002");

        var first = await _police.ReferVictimToAdvocacyAsync(request);
        var second = await _police.ReferVictimToAdvocacyAsync(request);
        await Referrals.ArrivesAtAdvocacy(_advocacy, request.ReferralId);

        Assert.Equal(first.ReferredAt, second.ReferredAt);
        var all = await _advocacy.ListReferralsAsync(new ListReferralsRequest());
        Assert.Single(all.Referrals, r => r.ReferralId == request.ReferralId);
    }

    [Fact]
    public async Task A_different_referral_under_a_used_id_is_refused_and_the_first_stands()
    {
        var request = await Referrals.NewRequestAsync(_policeHost, "CRIS-TEST-0003");
        await _police.ReferVictimToAdvocacyAsync(request);
        var altered = request.Clone();
        altered.Reason = "something else";

        var error = await Assert.ThrowsAsync<RpcException>(() => _police.ReferVictimToAdvocacyAsync(altered).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Contains("referral_id", error.Status.Detail);
        var stored = await _police.GetVictimReferralAsync(new GetVictimReferralRequest { ReferralId = request.ReferralId });
        Assert.Equal(request.Reason, stored.Reason);
    }
}
