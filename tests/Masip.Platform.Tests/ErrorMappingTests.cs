using Grpc.Core;
using Masip.Contracts.Advocacy;
using Masip.Contracts.Police;
using Masip.Advocacy;
using Masip.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Platform.Tests;

/// <summary>Bad input gets a status code and a message naming the field; nothing is stored.</summary>
public sealed class ErrorMappingTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _policeHost = null!;
    private PoliceReferrals.PoliceReferralsClient _police = null!;
    private AdvocacyReferrals.AdvocacyReferralsClient _advocacy = null!;

    public async Task InitializeAsync()
    {
        _policeHost = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        _police = new PoliceReferrals.PoliceReferralsClient(_policeHost.Channel);
        _advocacy = new AdvocacyReferrals.AdvocacyReferralsClient((await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name)).Channel);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("crime_reference")]
    [InlineData("victim_name")]
    [InlineData("reason")]
    [InlineData("referral_id")]
    public async Task A_missing_required_field_is_InvalidArgument_naming_it(string field)
    {
        var request = await Referrals.NewRequestAsync(_policeHost);
        var id = request.ReferralId;
        var descriptor = ReferVictimToAdvocacyRequest.Descriptor.FindFieldByName(field);
        descriptor.Accessor.SetValue(request, "");

        var error = await Assert.ThrowsAsync<RpcException>(() => _police.ReferVictimToAdvocacyAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail);
        var lookup = await Assert.ThrowsAsync<RpcException>(() =>
            _police.GetVictimReferralAsync(new GetVictimReferralRequest { ReferralId = id }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task A_malformed_id_is_InvalidArgument_and_an_unknown_one_NotFound()
    {
        var malformed = await Assert.ThrowsAsync<RpcException>(() =>
            _advocacy.GetReferralAsync(new GetReferralRequest { ReferralId = "not-a-uuid" }).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            _advocacy.GetReferralAsync(new GetReferralRequest { ReferralId = Guid.NewGuid().ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Contains("referral_id", malformed.Status.Detail);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("referral_id", unknown.Status.Detail);
    }

    [Fact]
    public async Task An_unknown_status_filter_is_InvalidArgument_listing_the_allowed_values()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _advocacy.ListReferralsAsync(new ListReferralsRequest { Status = "lost" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("status", error.Status.Detail);
        Assert.Contains("pending", error.Status.Detail);
    }
}
