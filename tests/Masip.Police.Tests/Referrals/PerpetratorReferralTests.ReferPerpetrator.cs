using Masip.Police.Cases;
using Masip.Police.Perpetrators;
using Masip.Police.Referrals;
using Masip.Police.Referrals.ReferringPerpetrators;
using Masip.Police.Reviews.ReviewingReports;
using Masip.Police.Tests.Cases;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Police.Tests.Referrals;

public sealed class PerpetratorReferralTests_ReferPerpetrator
{
    private static readonly Guid ReferralId = Guid.Parse("6a0f3f5e-7f0e-4c55-9a65-0c4a1f3c2b12");

    private static readonly Perpetrator Suspect = Perpetrator.Create(new PerpetratorIdentified(
        Guid.Parse("0b7f0a52-6f3e-4d0a-9a8b-7d9b3c1e2f40"), Guid.NewGuid(), "CRIS-1", "Test Suspect 1", new DateOnly(1985, 3, 14), "99/123456X", null, Given.Now));

    private static StacCase Reviewed()
    {
        var c = Given.Case();
        return Given.Apply(c, ReviewReportDecision.Decide(c, new ReviewReport(c.Id, new FourAnswers(true, true, true, true), "medium", "r", null,
            2, "t", false), Given.Officer, Given.Now));
    }

    private static ReferPerpetrator Nhs(string reason = "fixated, wants help") => new(ReferralId, Given.Case().Id, "nhs", "assessment", reason);

    [Fact]
    public void Given_a_reviewed_case_When_referring_to_the_NHS_Then_the_referral_carries_identity_and_risk_only()
    {
        var referred = Assert.IsType<PerpetratorReferredToNhs>(Assert.Single(ReferPerpetratorDecision.Decide(null, Reviewed(), Suspect, Nhs(), Given.Officer, Given.Now)));

        Assert.Equal((Suspect.Id, "Test Suspect 1", "99/123456X", "medium", "assessment"),
            (referred.PerpetratorId, referred.PerpetratorName, referred.PncId, referred.RiskLevel, referred.Service));
    }

    [Fact]
    public void Given_an_unreviewed_case_When_referring_to_the_NHS_Then_it_is_refused_but_probation_can_be_asked()
    {
        Assert.Equal("case_id", Assert.Throws<RuleViolationException>(() =>
            ReferPerpetratorDecision.Decide(null, Given.Case(), Suspect, Nhs(), Given.Officer, Given.Now)).Field);

        var events = ReferPerpetratorDecision.Decide(null, Given.Case(), Suspect,
            new ReferPerpetrator(ReferralId, Guid.Empty, "probation", "known-to-probation", "known?"), Given.Officer, Given.Now);

        Assert.Equal("known-to-probation", Assert.IsType<PerpetratorReferredToProbation>(Assert.Single(events)).Question);
    }

    [Fact]
    public void Given_a_referral_When_the_same_is_sent_again_Then_nothing_changes_and_a_different_one_under_its_id_is_refused()
    {
        var current = PerpetratorReferral.Create((PerpetratorReferredToNhs)ReferPerpetratorDecision.Decide(null, Reviewed(), Suspect, Nhs(), Given.Officer, Given.Now)[0]);

        Assert.Empty(ReferPerpetratorDecision.Decide(current, Reviewed(), Suspect, Nhs(), Given.Officer, Given.Now));
        Assert.Equal("stac-1", current.ReferredBy);
        Assert.Equal("referral_id", Assert.Throws<DuplicateRecordException>(() =>
            ReferPerpetratorDecision.Decide(current, Reviewed(), Suspect, Nhs(), Given.Officer with { Subject = "stac-2" }, Given.Now)).Field);
        Assert.Equal("referral_id", Assert.Throws<DuplicateRecordException>(() =>
            ReferPerpetratorDecision.Decide(current, Reviewed(), Suspect, Nhs("other"), Given.Officer, Given.Now)).Field);
    }

    [Fact]
    public void Given_a_case_without_an_identified_suspect_When_referring_Then_it_is_refused()
    {
        var noSuspect = Given.Case() with { PerpetratorId = null };

        Assert.Equal("case_id", Assert.Throws<RuleViolationException>(() =>
            ReferPerpetratorDecision.Decide(null, noSuspect, null, Nhs(), Given.Officer, Given.Now)).Field);
    }
}
