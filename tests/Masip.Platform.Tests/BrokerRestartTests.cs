using Masip.Advocacy;
using Masip.Contracts.Advocacy;
using Masip.Contracts.Police;
using Masip.Police;
using Masip.Testing;
using Npgsql;
using Xunit;

namespace Masip.Platform.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InfraRestarts
{
    // Stopping RabbitMQ or PostgreSQL disturbs every test using it: run these alone.
    public const string Name = "infrastructure restarts";
}

/// <summary>DESIGN.md: "Postgres or RabbitMQ can restart at any point"; the message still arrives, once.</summary>
[Collection(InfraRestarts.Name)]
[Trait("Category", "InfraRestart")] // deploy/masip test runs these last, on their own
public sealed class BrokerRestartTests(TestBed bed) : IClassFixture<TestBed>
{
    [Fact]
    public async Task A_referral_committed_while_RabbitMQ_is_down_arrives_exactly_once_after_it_restarts()
    {
        var advocacyHost = await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name);
        var policeHost = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        var police = new PoliceReferrals.PoliceReferralsClient(policeHost.Channel);
        var advocacy = new AdvocacyReferrals.AdvocacyReferralsClient(advocacyHost.Channel);
        var request = await Referrals.NewRequestAsync(policeHost, "CRIS-RESTART-0001");

        await bed.Infrastructure.StopBrokerAsync();
        try
        {
            // The police commit does not need the broker: the event store is the outbox.
            await police.ReferVictimToAdvocacyAsync(request);
        }
        finally
        {
            await bed.Infrastructure.StartBrokerAsync();
        }

        var received = await Referrals.ArrivesAtAdvocacy(advocacy, request.ReferralId, TimeSpan.FromSeconds(90));
        Assert.Equal("pending", received.Status);
        // A sentinel committed after the broker came back: once it is through, any republished copy
        // of the first (the relay retried it across the restart) has been delivered before it.
        var sentinel = await Referrals.NewRequestAsync(policeHost, "CRIS-RESTART-0002");
        await police.ReferVictimToAdvocacyAsync(sentinel);
        await Referrals.ArrivesAtAdvocacy(advocacy, sentinel.ReferralId, TimeSpan.FromSeconds(60));
        Assert.Equal(1, await CountReferralEvents(request.ReferralId));
    }

    private async Task<long> CountReferralEvents(string referralId)
    {
        await using var connection = new NpgsqlConnection(bed.ConnectionStringFor(AdvocacyHost.Name));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from masip.mt_events where stream_id = @id", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(referralId));
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
