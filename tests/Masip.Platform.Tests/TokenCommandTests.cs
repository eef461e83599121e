using Masip.Contracts.Police;
using Masip.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Platform.Tests;

/// <summary>`deploy/masip token` mints a token the services accept, and refuses a role that does not exist.</summary>
public sealed class TokenCommandTests(TestBed bed) : IClassFixture<TestBed>
{
    [Fact]
    public async Task A_token_from_the_command_is_accepted_as_the_role_it_names()
    {
        var police = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        var (exit, token, _) = await Run("token", "--agency", "police", "--role", "stac-officer", "--sub", "cli-user");
        Assert.Equal(0, exit);
        var client = new PoliceReferrals.PoliceReferralsClient(police.ChannelWith(token.Trim()));

        var request = await Referrals.NewRequestAsync(police, "CRIS-TOKEN-0001");
        var reply = await client.ReferVictimToAdvocacyAsync(request);

        Assert.Equal(request.ReferralId, reply.ReferralId);
    }

    [Fact]
    public async Task An_unknown_role_is_refused_with_usage()
    {
        var (exit, _, error) = await Run("token", "--agency", "police", "--role", "superuser");

        Assert.NotEqual(0, exit);
        Assert.Contains("--role must be one of", error);
    }

    private static Task<(int Exit, string Out, string Error)> Run(params string[] args) => DeployScript.Run(args);
}
