using Masip.Police.Griffin;
using Masip.Police.Griffin.Reviewing;
using Masip.Police.Tests.Cases;
using Xunit;

namespace Masip.Police.Tests.Griffin;

public sealed class NominalTests_Reviews
{
    private static Nominal AcceptedWithReview(DateOnly reviewDue) => Nominal.Create(new NominatedToGriffin(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
            "Test Suspect 1", null, ["high harm"], "r", "stac-1", Given.Now, "high"))
        .Apply(new NominationAccepted(Guid.Empty, Guid.Empty, "Test Suspect 1", null, "r", reviewDue, "agreed", "chair-1", Given.Now));

    private static Nominal Raise(Nominal n, DateTimeOffset now) =>
        NominalReviews.Decide(n, now).Cast<NominalReviewDueRaised>().Aggregate(n, (s, e) => s.Apply(e));

    [Fact]
    public void A_review_14_days_away_is_due_15_days_away_is_not_and_a_passed_one_is_overdue_each_raised_once()
    {
        Assert.Empty(NominalReviews.Decide(AcceptedWithReview(Given.Today.AddDays(15)), Given.Now));
        var nominal = AcceptedWithReview(Given.Today.AddDays(14));

        nominal = Raise(nominal, Given.Now);
        Assert.Equal(["due"], nominal.ReviewAlertsRaised);
        Assert.Empty(NominalReviews.Decide(nominal, Given.Now.AddDays(5)));
        nominal = Raise(nominal, Given.Now.AddDays(15));
        Assert.Equal(["due", "overdue"], nominal.ReviewAlertsRaised);
        Assert.Empty(NominalReviews.Decide(nominal, Given.Now.AddDays(20)));

        // A new review date starts again.
        var rescheduled = nominal.Apply(new NominalReviewScheduled(nominal.Id, Given.Today.AddDays(30), "chair-1", Given.Now.AddDays(20)));
        Assert.Equal("due", Assert.IsType<NominalReviewDueRaised>(Assert.Single(NominalReviews.Decide(rescheduled, Given.Now.AddDays(20)))).Status);
    }

    [Fact]
    public void Only_a_current_nominal_has_a_review_status()
    {
        var removed = AcceptedWithReview(Given.Today).Apply(new NominalRemoved(Guid.Empty, Guid.Empty, "no longer high risk", "chair-1", Given.Now));

        Assert.Null(NominalReviews.StatusOf(removed, Given.Today.AddDays(3)));
        Assert.Equal("high", removed.RiskLevel);
    }
}
