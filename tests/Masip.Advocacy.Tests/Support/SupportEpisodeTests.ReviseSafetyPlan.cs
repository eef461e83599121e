using Masip.Advocacy.Referrals;
using Masip.Advocacy.Support;
using Masip.Advocacy.Support.SafetyPlans;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Advocacy.Tests.Support;

public sealed class SupportEpisodeTests_ReviseSafetyPlan
{
    private static ReviseSafetyPlan Command(int? expected = null, params string[] measures) =>
        new(Given.EpisodeId, measures.Length == 0 ? ["panic alarm fitted", "vary routes to work"] : measures, expected);

    [Fact]
    public void Given_an_open_episode_When_revising_the_plan_Then_each_revision_is_a_new_version()
    {
        var first = Assert.IsType<SafetyPlanRevised>(Assert.Single(ReviseSafetyPlanDecision.Decide(Given.Episode(), Command(), Given.Advocate, Given.Now)));
        var episode = Given.Episode(events: first);

        var second = Assert.IsType<SafetyPlanRevised>(Assert.Single(ReviseSafetyPlanDecision.Decide(episode, Command(1, "panic alarm fitted", "call 999 and quote the marker"), Given.Advocate, Given.Now)));

        Assert.Equal((1, "advocate-001"), (first.Version, first.RevisedBy));
        Assert.Equal(2, second.Version);
        Assert.Equal(["panic alarm fitted", "call 999 and quote the marker"], second.Measures);
        Assert.Equal(2, Given.Episode(SupportLevel.Advocacy, first, second).SafetyPlanVersion);
    }

    [Fact]
    public void Given_a_closed_episode_When_revising_the_plan_Then_it_is_refused_naming_the_episode()
    {
        var episode = Given.Episode(events: new SupportEpisodeClosed(Given.EpisodeId, Given.ReferralId, "support-completed", null, "a", Given.Now));

        Assert.Equal("episode_id", Assert.Throws<RuleViolationException>(() => ReviseSafetyPlanDecision.Decide(episode, Command(), Given.Advocate, Given.Now)).Field);
    }

    [Fact]
    public void Given_a_plan_at_version_2_When_revising_version_1_Then_it_is_refused()
    {
        var v1 = new SafetyPlanRevised(Given.EpisodeId, 1, ["a"], "x", Given.Now);
        var v2 = new SafetyPlanRevised(Given.EpisodeId, 2, ["b"], "y", Given.Now);

        var error = Assert.Throws<RuleViolationException>(() => ReviseSafetyPlanDecision.Decide(Given.Episode(SupportLevel.Advocacy, v1, v2), Command(1), Given.Advocate, Given.Now));

        Assert.Equal("expected_version", error.Field);
    }

    [Fact]
    public void The_same_measures_again_decide_nothing()
    {
        var v1 = new SafetyPlanRevised(Given.EpisodeId, 1, ["panic alarm fitted", "vary routes to work"], "x", Given.Now);

        Assert.Empty(ReviseSafetyPlanDecision.Decide(Given.Episode(SupportLevel.Advocacy, v1), Command(), Given.Advocate, Given.Now));
    }
}
