using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Platform.Tests;

/// <summary>
/// While PostgreSQL is down a caller is told Unavailable (retry later; nothing was changed), never
/// Internal (a fault of ours); once it is back, the same calls succeed without restarting the service.
/// </summary>
[Collection(InfraRestarts.Name)]
[Trait("Category", "InfraRestart")] // deploy/masip test runs these last, on their own
public sealed class PostgresRestartTests(TestBed bed) : IClassFixture<TestBed>
{
    [Fact]
    public async Task Calls_while_PostgreSQL_is_down_answer_Unavailable_and_succeed_once_it_is_back()
    {
        var police = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        var referrals = new PoliceReferrals.PoliceReferralsClient(police.Channel);
        var stored = await Referrals.NewRequestAsync(police, "CRIS-PGRESTART-0001");
        await referrals.ReferVictimToAdvocacyAsync(stored);
        var read = new GetVictimReferralRequest { ReferralId = stored.ReferralId };
        var write = await Referrals.NewRequestAsync(police, "CRIS-PGRESTART-0002");

        await bed.Infrastructure.StopPostgresAsync();
        RpcException readError, writeError;
        try
        {
            readError = await Assert.ThrowsAsync<RpcException>(() => referrals.GetVictimReferralAsync(read).ResponseAsync);
            writeError = await Assert.ThrowsAsync<RpcException>(() => referrals.ReferVictimToAdvocacyAsync(write).ResponseAsync);
        }
        finally
        {
            await bed.Infrastructure.StartPostgresAsync();
        }

        Assert.Equal(StatusCode.Unavailable, readError.StatusCode);
        Assert.Equal(StatusCode.Unavailable, writeError.StatusCode);
        Assert.Contains("try again", writeError.Status.Detail);
        var back = await Eventually.ValueAsync(async () => await referrals.GetVictimReferralAsync(read), TimeSpan.FromSeconds(60),
            "reading after PostgreSQL came back");
        Assert.Equal(stored.CrimeReference, back.CrimeReference);
        var retried = await referrals.ReferVictimToAdvocacyAsync(write);
        Assert.Equal(write.ReferralId, retried.ReferralId);
    }
}
