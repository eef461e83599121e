using Masip.Advocacy.Referrals;
using Masip.Advocacy.Referrals.Triaging;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Advocacy.Tests.Referrals;

public sealed class ReferralTests_Triage
{
    private static readonly RiskIndicators None = new(false, false, false, false);

    private static TriageReferral Command(int yes, int of = 12, RiskIndicators? indicators = null, RiskLevel? judgement = null, string? rationale = null) =>
        new(Given.ReferralId, Enumerable.Range(1, of).Select(i => ($"q{i:00}", i <= yes)).ToList(), indicators ?? None, judgement, rationale);

    private static ReferralTriaged Triage(TriageReferral command) =>
        Assert.IsType<ReferralTriaged>(Assert.Single(TriageReferralDecision.Decide(Given.Referral(Given.Accepted), command, Given.Advocate, Given.Now)));

    [Theory]
    [InlineData(0, RiskLevel.Standard, SupportLevel.Brief)]
    [InlineData(4, RiskLevel.Standard, SupportLevel.Brief)]
    [InlineData(5, RiskLevel.Medium, SupportLevel.Advocacy)]
    [InlineData(10, RiskLevel.High, SupportLevel.Advocacy)]
    public void Given_an_accepted_referral_When_triaging_Then_the_SASH_count_sets_the_risk_and_the_risk_the_support(int yes, RiskLevel risk, SupportLevel support)
    {
        var triaged = Triage(Command(yes));

        Assert.Equal(yes, triaged.SashYesCount);
        Assert.Equal(risk, triaged.RiskLevel);
        Assert.Equal(support, triaged.SupportLevel);
        Assert.Equal((Given.Now, "advocate-001"), (triaged.TriagedAt, triaged.TriagedBy));
    }

    [Fact]
    public void Violence_or_break_ins_make_the_risk_at_least_medium()
    {
        Assert.Equal(RiskLevel.Medium, Triage(Command(1, indicators: new RiskIndicators(true, false, false, false))).RiskLevel);
        Assert.Equal(RiskLevel.Medium, Triage(Command(1, indicators: new RiskIndicators(false, false, false, true))).RiskLevel);
    }

    [Fact]
    public void Children_or_a_current_court_case_need_advocacy_even_at_standard_risk()
    {
        var children = Triage(Command(1, indicators: new RiskIndicators(false, true, false, false)));
        var court = Triage(Command(1, indicators: new RiskIndicators(false, false, true, false)));

        Assert.Equal((RiskLevel.Standard, SupportLevel.Advocacy), (children.RiskLevel, children.SupportLevel));
        Assert.Equal((RiskLevel.Standard, SupportLevel.Advocacy), (court.RiskLevel, court.SupportLevel));
        Assert.True(court.Indicators.CurrentCourtCase);
    }

    [Fact]
    public void Professional_judgement_raises_the_level_with_a_rationale()
    {
        var triaged = Triage(Command(2, judgement: RiskLevel.High, rationale: "escalating, new threats this week"));

        Assert.Equal(RiskLevel.Standard, triaged.ScoredRisk);
        Assert.Equal(RiskLevel.High, triaged.RiskLevel);
        Assert.Equal(SupportLevel.Advocacy, triaged.SupportLevel);
    }

    [Fact]
    public void Professional_judgement_that_raises_without_a_rationale_or_lowers_is_refused()
    {
        var referral = Given.Referral(Given.Accepted);

        var noRationale = Assert.Throws<InvalidFieldException>(() => TriageReferralDecision.Decide(referral, Command(2, judgement: RiskLevel.High), Given.Advocate, Given.Now));
        var lower = Assert.Throws<InvalidFieldException>(() => TriageReferralDecision.Decide(referral, Command(11, judgement: RiskLevel.Standard, rationale: "x"), Given.Advocate, Given.Now));

        Assert.Equal("judgement_rationale", noRationale.Field);
        Assert.Equal("professional_judgement", lower.Field);
    }

    [Fact]
    public void Given_a_pending_referral_When_triaging_Then_it_is_refused()
    {
        var error = Assert.Throws<RuleViolationException>(() => TriageReferralDecision.Decide(Given.Referral(), Command(3), Given.Advocate, Given.Now));

        Assert.Equal("referral_id", error.Field);
    }

    [Fact]
    public void No_answers_or_a_question_answered_twice_is_refused()
    {
        var referral = Given.Referral(Given.Accepted);
        var none = new TriageReferral(Given.ReferralId, [], None, null, null);
        var twice = new TriageReferral(Given.ReferralId, [("q01", true), ("q01", false)], None, null, null);

        Assert.Equal("sash_answers", Assert.Throws<InvalidFieldException>(() => TriageReferralDecision.Decide(referral, none, Given.Advocate, Given.Now)).Field);
        Assert.Equal("sash_answers", Assert.Throws<InvalidFieldException>(() => TriageReferralDecision.Decide(referral, twice, Given.Advocate, Given.Now)).Field);
    }
}
