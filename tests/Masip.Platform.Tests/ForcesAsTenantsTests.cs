using Grpc.Core;
using Grpc.Net.Client;
using Masip.Advocacy;
using Masip.Contracts.Advocacy;
using Masip.Contracts.Police;
using Masip.Police;
using Masip.ServiceDefaults.Identity;
using Masip.ServiceDefaults.Sharing;
using Masip.ServiceDefaults.Tenancy;
using Masip.Testing;
using Npgsql;
using Xunit;

namespace Masip.Platform.Tests;

/// <summary>
/// One deployment serving two forces (issue 21.4): each force a Marten tenant with its own database
/// in every service, the force taken from the token, messages carrying their force to the
/// receiving service's database for it, and each force's own sharing agreement.
/// </summary>
public sealed class ForcesAsTenantsTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _police = null!;
    private ServiceUnderTest<AdvocacyHost> _advocacy = null!;
    private string _southAgreement = null!;

    public async Task InitializeAsync()
    {
        // South's partners agreed that victims' contact details stay with the advocate: its police see none.
        var deployment = await File.ReadAllTextAsync(SharingExtensions.DefaultAgreementPath);
        const string policeClasses = "classes: [case.summary, police.intelligence, griffin.restricted, perpetrator.identity, perpetrator.address, victim.identity, victim.contact]";
        Assert.Contains(policeClasses, deployment);
        _southAgreement = Path.Combine(Path.GetTempPath(), $"masip-{bed.Id}-south-agreement.yaml");
        await File.WriteAllTextAsync(_southAgreement, deployment.Replace(policeClasses, policeClasses.Replace(", victim.contact]", "]")));
        var settings = new Dictionary<string, string?>
        {
            [Forces.ForcesKey] = "north,south",
            [$"{Forces.AgreementsKey}:south"] = _southAgreement,
        };
        _advocacy = await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name, settings);
        _police = await bed.StartAsync<PoliceHost>(PoliceHost.Name, settings);
    }

    public Task DisposeAsync()
    {
        File.Delete(_southAgreement);
        return Task.CompletedTask;
    }

    private static string Token(string force, string agency, string role) =>
        DevelopmentTokens.Mint($"test-{force}-{role}", agency, role, force: force);

    private GrpcChannel Police(string force) => _police.ChannelWith(Token(force, "police", "stac-officer"));

    private GrpcChannel Advocacy(string force) => _advocacy.ChannelWith(Token(force, "advocacy", "advocate"));

    [Fact]
    public async Task Each_force_has_its_own_database_in_each_service_and_none_is_shared()
    {
        var databases = new List<string>();
        await using var connection = new NpgsqlConnection(bed.ConnectionStringFor("police").Replace(bed.DatabaseFor("police"), "postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select datname from pg_database where starts_with(datname, @p) order by 1", connection);
        command.Parameters.AddWithValue("p", $"masip_{bed.Id}_");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            databases.Add(reader.GetString(0));

        Assert.Equal(
            [bed.DatabaseFor("advocacy") + "_north", bed.DatabaseFor("advocacy") + "_south", bed.DatabaseFor("police") + "_north", bed.DatabaseFor("police") + "_south"],
            databases);
    }

    [Fact]
    public async Task Force_north_officer_never_sees_force_south_records_even_under_the_same_crime_reference()
    {
        var reference = "CRIS-FORCE-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var north = await Referrals.ImportCaseAsync(Police("north"), reference, "North Victim");
        var south = await Referrals.ImportCaseAsync(Police("south"), reference, "South Victim");
        // The case id derives from the crime reference: the same id, a different record in each force's database.
        Assert.Equal(north.CaseId, south.CaseId);

        var northCases = new PoliceIntake.PoliceIntakeClient(Police("north"));
        var southCases = new PoliceIntake.PoliceIntakeClient(Police("south"));
        Assert.Equal("North Victim", (await northCases.GetCaseAsync(new GetCaseRequest { CaseId = north.CaseId })).VictimName);
        Assert.Equal("South Victim", (await southCases.GetCaseAsync(new GetCaseRequest { CaseId = south.CaseId })).VictimName);
        var southOnly = await Referrals.ImportCaseAsync(Police("south"), reference + "-S", "South Only");
        var across = await Assert.ThrowsAsync<RpcException>(() => northCases.GetCaseAsync(new GetCaseRequest { CaseId = southOnly.CaseId }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, across.StatusCode);

        var queue = await new StacReviews.StacReviewsClient(Police("north")).GetReviewQueueAsync(new GetReviewQueueRequest());
        Assert.Contains(queue.Items, i => i.CaseId == north.CaseId);
        Assert.DoesNotContain(queue.Items, i => i.CaseId == southOnly.CaseId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("east")]
    public async Task A_token_without_a_force_this_deployment_serves_is_refused(string? force)
    {
        var token = DevelopmentTokens.Mint("test-stray", "police", "stac-officer", force: force);
        var client = new StacReviews.StacReviewsClient(_police.ChannelWith(token));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetReviewQueueAsync(new GetReviewQueueRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("force", error.Status.Detail);
    }

    [Fact]
    public async Task A_referral_reaches_the_advocacy_database_of_its_own_force_only()
    {
        var request = await Referrals.NewRequestAsync(Police("north"));
        await new PoliceReferrals.PoliceReferralsClient(Police("north")).ReferVictimToAdvocacyAsync(request);

        var northAdvocacy = new AdvocacyReferrals.AdvocacyReferralsClient(Advocacy("north"));
        var received = await Referrals.ArrivesAtAdvocacy(northAdvocacy, request.ReferralId);
        Assert.Equal(request.VictimName, received.VictimName);

        var southAdvocacy = new AdvocacyReferrals.AdvocacyReferralsClient(Advocacy("south"));
        var across = await Assert.ThrowsAsync<RpcException>(
            () => southAdvocacy.GetReferralAsync(new GetReferralRequest { ReferralId = request.ReferralId }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, across.StatusCode);
        var southList = await southAdvocacy.ListReferralsAsync(new ListReferralsRequest());
        Assert.DoesNotContain(southList.Referrals, r => r.ReferralId == request.ReferralId);
    }

    [Fact]
    public async Task Each_force_applies_its_own_sharing_agreement()
    {
        var northRequest = await Referrals.NewRequestAsync(Police("north"));
        var southRequest = await Referrals.NewRequestAsync(Police("south"));

        var north = await new PoliceReferrals.PoliceReferralsClient(Police("north")).ReferVictimToAdvocacyAsync(northRequest);
        var south = await new PoliceReferrals.PoliceReferralsClient(Police("south")).ReferVictimToAdvocacyAsync(southRequest);

        Assert.Equal(northRequest.VictimPhone, north.VictimPhone);
        Assert.DoesNotContain("victim_phone", north.WithheldFields);
        Assert.Equal("", south.VictimPhone);
        Assert.Contains("victim_phone", south.WithheldFields);
        Assert.Equal(southRequest.VictimName, south.VictimName);
    }
}
