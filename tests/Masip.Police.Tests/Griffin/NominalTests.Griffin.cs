using Masip.Police.Cases;
using Masip.Police.Griffin;
using Masip.Police.Griffin.Nominating;
using Masip.Police.Perpetrators;
using Masip.Police.Reviews.ReviewingReports;
using Masip.Police.Tests.Cases;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Police.Tests.Griffin;

public sealed class NominalTests_Griffin
{
    private static readonly Perpetrator Suspect = Perpetrator.Create(new PerpetratorIdentified(
        Guid.Parse("0b7f0a52-6f3e-4d0a-9a8b-7d9b3c1e2f40"), Guid.NewGuid(), "CRIS-1", "Test Suspect 1", new DateOnly(1985, 3, 14), "99/123456X", null, Given.Now));

    private static readonly NominateToGriffin Nominate = new(Guid.Empty, ["high harm", "repeat"], "three victims, escalating");

    private static StacCase CaseAtTier(int tier)
    {
        var c = Given.Case();
        return Given.Apply(c, ReviewReportDecision.Decide(c, new ReviewReport(c.Id, new FourAnswers(true, true, true, true), "high", "r", null,
            tier, "t", false), Given.Officer, Given.Now));
    }

    private static Nominal Nominated() =>
        Nominal.Create((NominatedToGriffin)GriffinDecisions.Decide(null, CaseAtTier(3), Suspect, Nominate, Given.Officer, Given.Now)[0]);

    private static Nominal Accepted()
    {
        var n = Nominated();
        return n.Apply((NominationAccepted)GriffinDecisions.Decide(n, new DecideNomination(n.Id, true, "agreed", null), Given.Chair, Given.Now)[0]);
    }

    [Fact]
    public void Given_a_Tier_3_case_When_nominated_Then_the_perpetrator_is_nominated_with_criteria_and_rationale()
    {
        var nominated = Assert.IsType<NominatedToGriffin>(Assert.Single(GriffinDecisions.Decide(null, CaseAtTier(3), Suspect, Nominate, Given.Officer, Given.Now)));

        Assert.Equal((Nominal.IdFor(Suspect.Id), Suspect.Id, "99/123456X"), (nominated.NominalId, nominated.PerpetratorId, nominated.PncId));
        Assert.Equal(["high harm", "repeat"], nominated.Criteria);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Given_a_case_below_Tier_3_When_nominated_Then_it_is_refused_naming_tier(int tier)
    {
        var error = Assert.Throws<RuleViolationException>(() => GriffinDecisions.Decide(null, CaseAtTier(tier), Suspect, Nominate, Given.Officer, Given.Now));

        Assert.Equal("tier", error.Field);
    }

    [Fact]
    public void Given_an_untiered_case_When_nominated_Then_it_is_refused_naming_tier()
    {
        Assert.Equal("tier", Assert.Throws<RuleViolationException>(() => GriffinDecisions.Decide(null, Given.Case(), Suspect, Nominate, Given.Officer, Given.Now)).Field);
    }

    [Fact]
    public void Given_a_nomination_When_accepted_Then_the_review_is_due_in_three_months_and_rejecting_later_is_refused()
    {
        var accepted = Accepted();

        Assert.Equal(("accepted", Given.Today.AddMonths(3)), (accepted.Status, accepted.ReviewDue));
        Assert.Empty(GriffinDecisions.Decide(accepted, new DecideNomination(accepted.Id, true, "again", null), Given.Chair, Given.Now));
        Assert.Equal("decision", Assert.Throws<RuleViolationException>(() =>
            GriffinDecisions.Decide(accepted, new DecideNomination(accepted.Id, false, "no", null), Given.Chair, Given.Now)).Field);
    }

    [Fact]
    public void Given_a_nominal_When_activity_is_recorded_Then_an_alert_is_raised_and_removal_ends_the_marker()
    {
        var nominal = Accepted();

        var activity = Assert.IsType<NominalActivityRecorded>(Assert.Single(GriffinDecisions.Decide(nominal,
            new RecordNominalActivity(nominal.Id, "stop and search", null), Given.Officer, Given.Now)));
        var removed = nominal.Apply(activity).Apply((NominalRemoved)GriffinDecisions.Decide(nominal.Apply(activity),
            new RemoveNominal(nominal.Id, "risk reduced"), Given.Chair, Given.Now)[0]);

        Assert.Equal(("removed", "risk reduced", 1), (removed.Status, removed.RemovalReason, removed.Alerts.Count));
        Assert.Equal("nominal_id", Assert.Throws<RuleViolationException>(() =>
            GriffinDecisions.Decide(removed, new RecordNominalActivity(removed.Id, "x", null), Given.Officer, Given.Now)).Field);
    }

    [Fact]
    public void A_review_date_in_the_past_is_refused_naming_review_due()
    {
        var nominal = Accepted();

        Assert.Equal("review_due", Assert.Throws<InvalidFieldException>(() =>
            GriffinDecisions.Decide(nominal, new ScheduleNominalReview(nominal.Id, Given.Today), Given.Chair, Given.Now)).Field);
    }
}
