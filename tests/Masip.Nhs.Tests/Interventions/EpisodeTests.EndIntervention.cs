using Masip.Nhs.Interventions;
using Masip.Nhs.Interventions.EndingInterventions;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Nhs.Tests.Interventions;

public sealed class EpisodeTests_EndIntervention
{
    [Theory]
    [InlineData("completed")]
    [InlineData("disengaged")]
    [InlineData("moved")]
    [InlineData("in-custody")]
    public void Given_an_open_episode_When_ending_Then_it_ends_with_the_reason(string reason)
    {
        var ended = Assert.IsType<InterventionEnded>(Assert.Single(
            EndInterventionDecision.Decide(Given.OpenEpisode(), new EndIntervention(Given.EpisodeId, reason), Given.Now)));

        var episode = Given.OpenEpisode().Apply(ended);
        Assert.False(episode.Open);
        Assert.Equal(reason, episode.EndReason);
    }

    [Fact]
    public void Given_an_ended_episode_When_ending_for_the_same_reason_Then_nothing_changes_and_for_another_FailedPrecondition()
    {
        Assert.Empty(EndInterventionDecision.Decide(Given.EndedEpisode("moved"), new EndIntervention(Given.EpisodeId, "moved"), Given.Now));
        Assert.Equal("episode_id", Assert.Throws<RuleViolationException>(() =>
            EndInterventionDecision.Decide(Given.EndedEpisode("moved"), new EndIntervention(Given.EpisodeId, "completed"), Given.Now)).Field);
    }

    [Fact]
    public void When_the_reason_is_unknown_Then_InvalidArgument_naming_reason()
    {
        Assert.Equal("reason", Assert.Throws<InvalidFieldException>(() => EndInterventionDecision.Validate(
            new Contracts.Nhs.EndInterventionRequest { EpisodeId = Given.EpisodeId.ToString(), Reason = "bored" })).Field);
    }
}
