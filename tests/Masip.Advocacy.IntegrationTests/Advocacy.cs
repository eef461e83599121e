using Grpc.Core;
using Masip.Contracts.Advocacy;
using Masip.Testing;
using Xunit;

namespace Masip.Advocacy.IntegrationTests;

/// <summary>The two gRPC clients, and the steps that take a synthetic referral to where a test starts.</summary>
public sealed class Advocacy(ServiceUnderTest<AdvocacyHost> host)
{
    public AdvocacyReferrals.AdvocacyReferralsClient Referrals { get; } = new(host.Channel);
    public AdvocacySupport.AdvocacySupportClient Support { get; } = new(host.Channel);

    public static RecordReferralRequest NewReferral(string? crimeReference = null, string source = "helpline") => new()
    {
        ReferralId = Guid.NewGuid().ToString(),
        Source = source,
        CrimeReference = crimeReference ?? "CRIS-IT-" + Random.Shared.Next(100000, 999999),
        VictimName = "Test Person " + Random.Shared.Next(1, 9999),
        VictimPhone = "07700 900" + Random.Shared.Next(100, 999),
        Reason = "victim rang the helpline",
    };

    public async Task<ReferralReply> Recorded(RecordReferralRequest? request = null) =>
        await Referrals.RecordReferralAsync(request ?? NewReferral());

    public async Task<ReferralReply> Accepted(RecordReferralRequest? request = null)
    {
        var referral = await Recorded(request);
        return await Referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = referral.ReferralId, AdvocateId = "advocate-001" });
    }

    /// <summary>Accepted and triaged with the given number of SASH "yes" answers (10+ high, 5-9 medium, else standard).</summary>
    public async Task<ReferralReply> Triaged(int yes = 10, RecordReferralRequest? request = null)
    {
        var referral = await Accepted(request);
        var triage = new TriageReferralRequest { ReferralId = referral.ReferralId, TriagedBy = "advocate-001" };
        for (var i = 1; i <= 12; i++)
            triage.SashAnswers.Add(new SashAnswer { Question = $"q{i:00}", Yes = i <= yes });
        return await Referrals.TriageReferralAsync(triage);
    }

    public async Task<EpisodeReply> Allocated(string advocateId, int yes = 10)
    {
        var referral = await Triaged(yes);
        return await Support.AllocateSupportAsync(new AllocateSupportRequest { ReferralId = referral.ReferralId, AdvocateId = advocateId });
    }

    public static async Task<RpcException> Refused(Func<Task> call, StatusCode code, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail);
        return error;
    }
}
