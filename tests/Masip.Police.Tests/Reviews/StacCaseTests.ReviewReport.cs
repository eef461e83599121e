using Masip.Police.Cases;
using Masip.Police.Reviews.Retiering;
using Masip.Police.Reviews.ReviewingReports;
using Masip.Police.Tests.Cases;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Police.Tests.Reviews;

public sealed class StacCaseTests_ReviewReport
{
    private static ReviewReport Review(int tier = 2, bool reReview = false) => new(
        Guid.Empty, new FourAnswers(true, true, true, false), "high", "escalating contact", "seek an SPO", tier, "two partners needed", reReview);

    [Fact]
    public void Given_a_report_awaiting_review_When_reviewed_Then_it_is_reviewed_and_tiered()
    {
        var current = Given.Case();

        var events = ReviewReportDecision.Decide(current, Review(), Given.Officer, Given.Now);

        var reviewed = Assert.IsType<ReportReviewed>(events[0]);
        var tiered = Assert.IsType<CaseTiered>(events[1]);
        Assert.Equal(new FourAnswers(true, true, true, false), reviewed.Four);
        Assert.False(reviewed.ReReview);
        Assert.Equal((2, "high", Offence.S4A, current.PerpetratorId), (tiered.Tier, tiered.RiskLevel, tiered.Offence, tiered.PerpetratorId));
        Assert.Equal((Given.Officer.Subject, Given.Officer.Subject), (reviewed.ReviewedBy, tiered.TieredBy));
        var after = Given.Apply(current, events);
        Assert.Equal((CaseStatus.Reviewed, 2), (after.Status, after.Tier));
        Assert.Null(after.QueueKey);
    }

    [Fact]
    public void Given_a_reviewed_report_When_reviewed_again_without_re_review_Then_it_is_refused_naming_re_review()
    {
        var current = Given.Apply(Given.Case(), ReviewReportDecision.Decide(Given.Case(), Review(), Given.Officer, Given.Now));

        var error = Assert.Throws<RuleViolationException>(() => ReviewReportDecision.Decide(current, Review(), Given.Officer, Given.Now));

        Assert.Equal("re_review", error.Field);
    }

    [Fact]
    public void Given_a_reviewed_report_When_re_reviewed_explicitly_Then_it_is_a_re_review()
    {
        var current = Given.Apply(Given.Case(), ReviewReportDecision.Decide(Given.Case(), Review(), Given.Officer, Given.Now));

        var events = ReviewReportDecision.Decide(current, Review(3, reReview: true), Given.Officer, Given.Now);

        Assert.True(Assert.IsType<ReportReviewed>(events[0]).ReReview);
        Assert.Equal(2, Given.Apply(current, events).Review!.Reviews);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void A_tier_outside_1_to_3_is_refused_naming_tier(int tier)
    {
        var error = Assert.Throws<InvalidFieldException>(() => ReviewReportDecision.Decide(Given.Case(), Review(tier), Given.Officer, Given.Now));

        Assert.Equal("tier", error.Field);
    }

    [Fact]
    public void Given_a_tier_2_case_When_retiered_to_3_Then_it_is_tiered_again_and_the_history_keeps_both()
    {
        var current = Given.Apply(Given.Case(), ReviewReportDecision.Decide(Given.Case(), Review(), Given.Officer, Given.Now));

        var events = RetierDecision.Decide(current, new Retier(current.Id, 3, "DMM: several partners"), Given.Chair, Given.Now);

        var tiered = Assert.IsType<CaseTiered>(Assert.Single(events));
        Assert.Equal(("high", 3, "chair-1"), (tiered.RiskLevel, tiered.Tier, tiered.TieredBy));
        Assert.Equal([2, 3], Given.Apply(current, events).TierHistory.Select(t => t.Tier));
        Assert.Empty(RetierDecision.Decide(Given.Apply(current, events), new Retier(current.Id, 3, "again"), Given.Chair, Given.Now));
    }

    [Fact]
    public void Given_an_unreviewed_case_When_retiered_Then_it_is_refused()
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            RetierDecision.Decide(Given.Case(), new Retier(Guid.Empty, 3, "x"), Given.Chair, Given.Now));

        Assert.Equal("case_id", error.Field);
    }

    [Fact]
    public void Given_a_reassessment_required_by_a_release_When_re_reviewed_Then_it_is_no_longer_due()
    {
        var reviewed = Given.Apply(Given.Case(), ReviewReportDecision.Decide(Given.Case(), Review(), Given.Officer, Given.Now));
        var due = Given.Apply(reviewed, [new ReassessmentRequired(reviewed.Id, "release from custody due on 2026-12-09", Given.Now)]);

        var after = Given.Apply(due, ReviewReportDecision.Decide(due, Review(3, reReview: true), Given.Officer, Given.Now));

        Assert.True(due.ReassessmentDue);
        Assert.False(after.ReassessmentDue);
        Assert.Null(after.ReassessmentReason);
    }
}
