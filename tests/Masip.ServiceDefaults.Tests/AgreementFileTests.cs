using Masip.ServiceDefaults.Sharing;
using Xunit;

namespace Masip.ServiceDefaults.Tests;

/// <summary>A wrong agreement file is refused with the line at fault.</summary>
public sealed class AgreementFileTests
{
    private const string Valid = """
        version: 1
        agencies: { police: [stac-officer, auditor], advocacy: [advocate] }
        classes:
          record.meta: { personal: false, description: ids }
          victim.contact: { personal: true, description: phone }
        roles: [police/stac-officer, advocacy/advocate]
        purposes: [dmm, case-management]
        rules:
          - roles: [police/stac-officer]
            classes: [victim.contact]
            purposes: [case-management]
            basis: DPA 2018 s35
        holding:
          - agencies: [advocacy]
            classes: [victim.contact]
            basis: Victims' Code
        """;

    [Fact]
    public void A_valid_file_loads_and_denies_what_it_does_not_allow()
    {
        var agreement = SharingAgreement.Parse(Valid, "test.yaml");

        Assert.True(agreement.MaySee("police/stac-officer", "victim.contact", "case-management"));
        Assert.False(agreement.MaySee("police/stac-officer", "victim.contact", "dmm"));
        Assert.False(agreement.MaySee("advocacy/advocate", "victim.contact", "case-management"));
        Assert.True(agreement.IsParty("advocacy"));
        Assert.False(agreement.IsParty("mi5"));
        Assert.True(agreement.PartyHasRole("police", "auditor"));
        Assert.False(agreement.PartyHasRole("advocacy", "stac-officer"));
    }

    [Theory]
    [InlineData("classes: [victim.contact]", "classes: [victim.kontact]", 10, "unknown class 'victim.kontact'")]
    [InlineData("  - roles: [police/stac-officer]", "  - roles: [police/stac-oficer]", 9, "unknown role 'police/stac-oficer'")]
    [InlineData("purposes: [case-management]\n    basis", "purposes: [gossip]\n    basis", 11, "unknown purpose 'gossip'")]
    [InlineData("    basis: DPA 2018 s35\n", "", 9, "no legal basis")]
    [InlineData("    basis: DPA 2018 s35", "    basis: \"\"", 12, "legal basis is empty")]
    [InlineData("roles: [police/stac-officer, advocacy/advocate]", "roles: [police/stac-officer, charity/advocate]", 6, "role 'charity/advocate'")]
    [InlineData("    basis: Victims' Code", "    basis: Victims' Code\n    reason: x", 17, "unknown key 'reason'")]
    [InlineData("    classes: [victim.contact]\n    basis: Victims'", "    classes: [victim.contact]\n    basis: Victims': x", 16, "not valid YAML")]
    [InlineData("advocacy: [advocate] }", "advocacy: [advocate], mi5: [agent] }", 2, "agency 'mi5' must be one of")]
    [InlineData("roles: [police/stac-officer, advocacy/advocate]", "roles: [police/stac-officer, advocacy/stac-officer]", 6, "agency advocacy has no role 'stac-officer'")]
    [InlineData("roles: [police/stac-officer, advocacy/advocate]", "roles: [police/stac-officer, any/agent]", 6, "no agency has the role 'agent'")]
    public void A_wrong_file_is_refused_with_the_line_at_fault(string find, string replace, int line, string message)
    {
        var broken = Valid.Replace(find, replace);
        Assert.NotEqual(Valid, broken);

        var error = Assert.Throws<AgreementException>(() => SharingAgreement.Parse(broken, "test.yaml"));

        Assert.Contains(message, error.Message);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"test.yaml, line {line}:", error.Message);
    }

    [Fact]
    public void A_missing_file_is_refused_by_name()
    {
        var error = Assert.Throws<AgreementException>(() => SharingAgreement.LoadFile("/nonexistent/agreement.yaml"));
        Assert.Contains("/nonexistent/agreement.yaml", error.Message);
    }
}
