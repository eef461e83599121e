using Masip.Nhs.Interventions;
using Masip.Nhs.Interventions.RecordingRelapsePlans;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Nhs.Tests.Interventions;

public sealed class EpisodeTests_RecordRelapsePlan
{
    [Fact]
    public void Given_an_open_episode_When_recording_a_relapse_plan_Then_it_is_kept_and_the_same_plan_again_changes_nothing()
    {
        var command = new RecordRelapsePlan(Given.EpisodeId, "synthetic relapse plan");

        var recorded = Assert.IsType<RelapsePlanRecorded>(Assert.Single(RecordRelapsePlanDecision.Decide(Given.OpenEpisode(), command, Given.Now)));
        var episode = Given.OpenEpisode().Apply(recorded);

        Assert.Equal("synthetic relapse plan", episode.RelapsePlan);
        Assert.Empty(RecordRelapsePlanDecision.Decide(episode, command, Given.Now));
    }

    [Fact]
    public void Given_a_closed_episode_When_changing_the_relapse_plan_Then_FailedPrecondition()
    {
        Assert.Throws<RuleViolationException>(() =>
            RecordRelapsePlanDecision.Decide(Given.EndedEpisode(), new RecordRelapsePlan(Given.EpisodeId, "late plan"), Given.Now));
    }
}
