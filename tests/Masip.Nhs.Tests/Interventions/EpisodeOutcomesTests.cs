using Masip.Nhs.Interventions;
using Xunit;

namespace Masip.Nhs.Tests.Interventions;

public sealed class EpisodeOutcomesTests
{
    private static OutcomeMeasured Measure(string point, string measure, double value, int day, string instrument = "I") =>
        new(Given.EpisodeId, Guid.NewGuid(), point, measure, instrument, 0, 100, value, new DateOnly(2026, 11, day), Given.Now);

    private static SessionLogged Session(string attendance, int day) =>
        new(Given.EpisodeId, Guid.NewGuid(), new DateOnly(2026, 11, day), attendance, null, Given.Now);

    [Fact]
    public void Given_a_completed_episode_Then_each_measure_changes_from_its_start_to_its_end_and_sessions_are_counted()
    {
        var episode = Given.OpenEpisode()
            .Apply(Measure("start", "wellbeing", 30, 1)).Apply(Measure("start", "rumination", 80, 1))
            .Apply(Session("attended", 2)).Apply(Session("did-not-attend", 3)).Apply(Session("attended", 4)).Apply(Session("cancelled", 5))
            .Apply(Measure("during", "wellbeing", 40, 10))
            .Apply(Measure("end", "wellbeing", 55, 20)).Apply(Measure("end", "rumination", 35, 20))
            .Apply(new InterventionEnded(Given.EpisodeId, Given.PerpetratorId, "completed", Given.Now));

        var outcomes = EpisodeOutcomes.Of(episode);

        Assert.Equal((2, 1, 1), (outcomes.SessionsAttended, outcomes.SessionsMissed, outcomes.SessionsCancelled));
        Assert.Equal(-45, outcomes.Changes.Single(c => c.Measure == "rumination").Change);
        Assert.Equal(25, outcomes.Changes.Single(c => c.Measure == "wellbeing").Change);
    }

    [Fact]
    public void Given_a_measure_with_start_and_during_values_but_no_end_value_Then_it_has_no_change()
    {
        var outcomes = EpisodeOutcomes.Of(Given.OpenEpisode().Apply(Measure("start", "mood", 12, 1)).Apply(Measure("during", "mood", 9, 8)));

        var mood = Assert.Single(outcomes.Changes);
        Assert.Equal(12, mood.Start);
        Assert.Null(mood.End);
        Assert.Null(mood.Change);
    }
}
