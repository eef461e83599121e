using Masip.ServiceDefaults.Sharing;
using Masip.ServiceDefaults.Tenancy;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Masip.ServiceDefaults.Tests;

public sealed class ForcesTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Unconfigured_a_deployment_serves_one_force_in_the_default_tenant_and_refuses_a_token_that_names_one()
    {
        var forces = Forces.From(Config());

        Assert.False(forces.Enabled);
        Assert.Equal([Forces.SingleForce], forces.Tenants);
        Assert.Equal(Forces.SingleForce, forces.TenantFor(null));
        Assert.Null(forces.TenantFor("north"));
        Assert.Equal("masip_police", Forces.DatabaseFor("masip_police", Forces.SingleForce));
    }

    [Fact]
    public void Configured_each_force_is_a_tenant_with_its_own_database_and_no_other_force_is_served()
    {
        var forces = Forces.From(Config((Forces.ForcesKey, " north, south-east ,north")));

        Assert.True(forces.Enabled);
        Assert.Equal(["north", "south-east"], forces.Tenants);
        Assert.Equal("south-east", forces.TenantFor("south-east"));
        Assert.Null(forces.TenantFor(null));
        Assert.Null(forces.TenantFor("east"));
        Assert.Null(forces.TenantFor(Forces.SingleForce));
        Assert.Equal("masip_police_south_east", Forces.DatabaseFor("masip_police", "south-east"));
    }

    [Theory]
    [InlineData("North")]
    [InlineData("n")]
    [InlineData("north;drop")]
    [InlineData("9north")]
    public void A_force_id_that_could_not_name_a_database_stops_the_service(string force)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Forces.From(Config((Forces.ForcesKey, "north," + force))));

        Assert.Contains(Forces.ForcesKey, error.Message);
    }

    [Fact]
    public async Task Work_for_each_force_runs_once_per_force_acting_for_it_and_the_ambient_force_is_restored()
    {
        var forces = Forces.From(Config((Forces.ForcesKey, "north,south")));
        var seen = new List<string>();

        await forces.ForEachAsync(async _ => { await Task.Yield(); seen.Add(Forces.Current); }, CancellationToken.None);

        Assert.Equal(["north", "south"], seen);
        Assert.Equal(Forces.SingleForce, Forces.Current);
    }

    [Fact]
    public void An_agreement_for_a_force_the_deployment_does_not_serve_stops_the_service()
    {
        var configuration = Config((Forces.ForcesKey, "north"), ($"{Forces.AgreementsKey}:east", SharingExtensions.DefaultAgreementPath));

        var error = Assert.Throws<InvalidOperationException>(() =>
            SharingAgreements.Load(configuration, Forces.From(configuration), SharingExtensions.DefaultAgreementPath));

        Assert.Contains("east", error.Message);
    }
}
