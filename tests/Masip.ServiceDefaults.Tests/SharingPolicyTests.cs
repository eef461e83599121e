using Xunit;

namespace Masip.ServiceDefaults.Tests;

/// <summary>The agreement, read as a table: who may see what, for which purpose.</summary>
public sealed class SharingPolicyTests
{
    [Theory]
    // Victim advocates are excluded from Operation Griffin for confidentiality (seed 002).
    [InlineData("advocacy/advocate", "griffin.restricted", "griffin", false)]
    [InlineData("advocacy/advocate", "griffin.restricted", "dmm", false)]
    [InlineData("probation/probation-officer", "griffin.restricted", "griffin", true)]
    [InlineData("nhs/clinician", "griffin.restricted", "griffin", true)]
    // Clinical detail never leaves the NHS.
    [InlineData("nhs/clinician", "clinical.detail", "case-management", true)]
    [InlineData("nhs/clinician", "clinical.detail", "dmm", false)]
    [InlineData("police/stac-officer", "clinical.detail", "dmm", false)]
    [InlineData("probation/probation-officer", "clinical.detail", "psr", false)]
    [InlineData("advocacy/advocate", "clinical.detail", "dmm", false)]
    [InlineData("police/stac-officer", "clinical.risk-summary", "dmm", true)]
    // Victim contact details: police and advocacy only.
    [InlineData("police/stac-officer", "victim.contact", "case-management", true)]
    [InlineData("advocacy/advocate", "victim.contact", "case-management", true)]
    [InlineData("probation/probation-officer", "victim.contact", "dmm", false)]
    [InlineData("nhs/clinician", "victim.contact", "dmm", false)]
    [InlineData("police/meeting-chair", "victim.contact", "dmm", true)]
    // Probation sees the victim's identity for the DMM and PSRs, not for Griffin.
    [InlineData("probation/probation-officer", "victim.identity", "dmm", true)]
    [InlineData("probation/probation-officer", "victim.identity", "griffin", false)]
    // Purposes matter: probation records are not shared for a referral to the NHS via police.
    [InlineData("police/stac-officer", "probation.record", "referral", false)]
    [InlineData("police/stac-officer", "probation.record", "dmm", true)]
    // Auditors see the trail, not the content.
    [InlineData("police/auditor", "audit.trail", "audit", true)]
    [InlineData("nhs/auditor", "audit.trail", "audit", true)]
    [InlineData("police/auditor", "victim.identity", "audit", false)]
    [InlineData("police/stac-officer", "audit.trail", "audit", false)]
    // Unknown roles and classes see nothing.
    [InlineData("police/cleaner", "record.meta", "dmm", false)]
    [InlineData("police/stac-officer", "no.such.class", "dmm", false)]
    public void A_role_sees_a_class_for_a_purpose_only_where_a_rule_allows_it(string role, string dataClass, string purpose, bool expected)
    {
        Assert.Equal(expected, Agreement.Shipped.MaySee(role, dataClass, purpose));
    }

    [Theory]
    [InlineData("police/stac-officer")]
    [InlineData("probation/probation-officer")]
    [InlineData("nhs/clinician")]
    [InlineData("advocacy/advocate")]
    public void The_victims_voice_reaches_the_DMM_only_with_consent(string role)
    {
        var withConsent = Agreement.Shipped.MaySee(role, "victim.voice", "dmm", victimConsented: true);
        var withoutConsent = Agreement.Shipped.MaySee(role, "victim.voice", "dmm", victimConsented: false);

        Assert.True(withConsent);
        Assert.Equal(role == "advocacy/advocate", withoutConsent); // the advocate holds the voice in the first place
        Assert.False(Agreement.Shipped.MaySee(role, "victim.voice", "griffin", victimConsented: true));
    }

    [Theory]
    [InlineData("advocacy", "griffin.restricted", false)]
    [InlineData("advocacy", "victim.contact", true)]
    [InlineData("meetings", "victim.contact", false)]
    [InlineData("police", "clinical.detail", false)]
    [InlineData("probation", "clinical.detail", false)]
    [InlineData("meetings", "clinical.detail", false)]
    [InlineData("nhs", "victim.contact", false)]
    [InlineData("probation", "clinical.risk-summary", true)]
    public void A_service_holds_in_messages_only_the_classes_a_holding_rule_names(string agency, string dataClass, bool expected)
    {
        Assert.Equal(expected, Agreement.Shipped.MayHold(agency, dataClass));
    }

    [Fact]
    public void Every_rule_names_its_legal_basis_and_only_record_meta_is_not_personal()
    {
        Assert.All(Agreement.Shipped.Rules, rule => Assert.False(string.IsNullOrWhiteSpace(rule.Basis)));
        Assert.All(Agreement.Shipped.Holding, rule => Assert.False(string.IsNullOrWhiteSpace(rule.Basis)));
        Assert.Equal(["record.meta"], Agreement.Shipped.Classes.Values.Where(c => !c.Personal).Select(c => c.Name));
    }
}
