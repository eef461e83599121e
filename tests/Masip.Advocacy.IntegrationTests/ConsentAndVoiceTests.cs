using Grpc.Core;
using Masip.Contracts.Advocacy;
using Masip.Testing;
using Xunit;

namespace Masip.Advocacy.IntegrationTests;

/// <summary>Consent governs sharing: the victim's voice reaches the DMM only with consent; withdrawal is published.</summary>
public sealed class ConsentAndVoiceTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private Advocacy _advocacy = null!;
    private Broker _broker = null!;

    public async Task InitializeAsync()
    {
        _advocacy = new Advocacy(await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name), bed);
        _broker = await Broker.StartAsync(bed);
    }

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    private static RecordVictimVoiceRequest Voice(string referralId, bool share, string concerns = "afraid to leave the house") => new()
    {
        ReferralId = referralId, Concerns = concerns, Wishes = "wants an SPO and to be told before any release", ShareWithDmm = share,
    };

    [Fact]
    public async Task Sharing_a_voice_without_consent_to_the_dmm_is_refused_and_nothing_is_stored_or_published()
    {
        var referral = await _advocacy.Accepted();
        await _advocacy.Referrals.GiveConsentAsync(new ConsentRequest { ReferralId = referral.ReferralId, ShareWith = "police" });

        await Advocacy.Refused(() => _advocacy.Referrals.RecordVictimVoiceAsync(Voice(referral.ReferralId, share: true)).ResponseAsync,
            StatusCode.FailedPrecondition, "share_with_dmm");

        var stored = await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = referral.ReferralId });
        Assert.Null(stored.VictimVoice);
        Assert.Equal(["police"], stored.ConsentToShareWith);
        var kept = await _advocacy.ReferralsAs("advocate-021").RecordVictimVoiceAsync(Voice(referral.ReferralId, share: false));
        Assert.False(kept.VictimVoice.SharedWithDmm);
        Assert.Equal("advocate-021", kept.VictimVoice.RecordedBy);

        // The outbox publishes in order: once a voice shared after this one has arrived, this one would have too.
        var sentinel = await _advocacy.Accepted();
        await _advocacy.Referrals.GiveConsentAsync(new ConsentRequest { ReferralId = sentinel.ReferralId, ShareWith = "dmm" });
        await _advocacy.Referrals.RecordVictimVoiceAsync(Voice(sentinel.ReferralId, share: true));
        await Eventually.ValueAsync(() => Task.FromResult(_broker.VoiceShared.Select(v => v.Message)
            .FirstOrDefault(m => m.ReferralId.ToString() == sentinel.ReferralId)), TimeSpan.FromSeconds(30), "the sentinel's VictimVoiceSharedV1");
        Assert.DoesNotContain(_broker.VoiceShared, v => v.Message.ReferralId.ToString() == referral.ReferralId);
    }

    [Fact]
    public async Task With_consent_the_voice_is_published_and_withdrawing_consent_publishes_the_withdrawal()
    {
        var referral = await _advocacy.Accepted();

        var consented = await _advocacy.Referrals.GiveConsentAsync(new ConsentRequest { ReferralId = referral.ReferralId, ShareWith = "dmm" });
        var recorded = await _advocacy.Referrals.RecordVictimVoiceAsync(Voice(referral.ReferralId, share: true));
        var shared = await Eventually.ValueAsync(() => Task.FromResult(_broker.VoiceShared.Select(v => v.Message)
            .FirstOrDefault(m => m.ReferralId.ToString() == referral.ReferralId)), TimeSpan.FromSeconds(30), "VictimVoiceSharedV1");
        var withdrawn = await _advocacy.ReferralsAs("advocate-002").WithdrawConsentAsync(new ConsentRequest { ReferralId = referral.ReferralId, ShareWith = "dmm" });
        var withdrawal = await Eventually.ValueAsync(() => Task.FromResult(_broker.VoiceWithdrawn.Select(v => v.Message)
            .FirstOrDefault(m => m.ReferralId.ToString() == referral.ReferralId)), TimeSpan.FromSeconds(30), "VictimVoiceWithdrawnV1");

        Assert.Equal(["dmm"], consented.ConsentToShareWith);
        Assert.True(recorded.VictimVoice.SharedWithDmm);
        Assert.Equal(("afraid to leave the house", referral.CrimeReference), (shared.Concerns, shared.CrimeReference));
        Assert.Empty(withdrawn.ConsentToShareWith);
        Assert.NotNull(withdrawal);
        await Advocacy.Refused(() => _advocacy.Referrals.RecordVictimVoiceAsync(Voice(referral.ReferralId, share: true, concerns: "later")).ResponseAsync,
            StatusCode.FailedPrecondition, "share_with_dmm");
        Assert.Equal("afraid to leave the house",
            (await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = referral.ReferralId })).VictimVoice.Concerns);
    }

    [Fact]
    public async Task Withdrawing_consent_never_given_or_naming_an_unknown_party_is_refused()
    {
        var referral = await _advocacy.Accepted();

        await Advocacy.Refused(() => _advocacy.Referrals.WithdrawConsentAsync(new ConsentRequest
            { ReferralId = referral.ReferralId, ShareWith = "nhs" }).ResponseAsync, StatusCode.FailedPrecondition, "share_with");
        await Advocacy.Refused(() => _advocacy.Referrals.GiveConsentAsync(new ConsentRequest
            { ReferralId = referral.ReferralId, ShareWith = "newspaper" }).ResponseAsync, StatusCode.InvalidArgument, "share_with");

        Assert.Empty((await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = referral.ReferralId })).ConsentToShareWith);
    }
}
