using Masip.Contracts.Nhs;
using Masip.Nhs.Interventions;
using Masip.Nhs.Interventions.RecordingOutcomes;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Nhs.Tests.Interventions;

public sealed class EpisodeTests_RecordOutcomeMeasure
{
    private static RecordOutcomeMeasure Command(string point, double value, Guid? id = null, string instrument = "WEMWBS") =>
        new(Given.EpisodeId, id ?? Guid.NewGuid(), point, "wellbeing", instrument, 14, 70, value, new DateOnly(2026, 11, 1));

    private static RecordOutcomeMeasureRequest Request(double value, double min = 0, double max = 27) => new()
    {
        EpisodeId = Given.EpisodeId.ToString(), MeasureId = Guid.NewGuid().ToString(), Point = "start", Measure = "mood",
        Instrument = "PHQ-9", ScaleMin = min, ScaleMax = max, Value = value, MeasuredOn = "2026-11-01",
    };

    [Fact]
    public void Given_an_open_episode_When_measuring_Then_the_measure_is_recorded_with_its_instrument_and_scale()
    {
        var measured = Assert.IsType<OutcomeMeasured>(Assert.Single(RecordOutcomeMeasureDecision.Decide(Given.OpenEpisode(), Command("start", 40), Given.Now)));

        Assert.Equal(("WEMWBS", 14.0, 70.0, 40.0), (measured.Instrument, measured.ScaleMin, measured.ScaleMax, measured.Value));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(28)]
    public void When_the_value_is_outside_the_scale_Then_InvalidArgument_naming_value(double value)
    {
        Assert.Equal("value", Assert.Throws<InvalidFieldException>(() => RecordOutcomeMeasureDecision.Validate(Request(value))).Field);
    }

    [Fact]
    public void When_the_scale_is_empty_Then_InvalidArgument_naming_scale_max()
    {
        Assert.Equal("scale_max", Assert.Throws<InvalidFieldException>(() => RecordOutcomeMeasureDecision.Validate(Request(5, 10, 10))).Field);
    }

    [Fact]
    public void When_the_measure_is_unknown_Then_InvalidArgument_naming_measure()
    {
        var request = Request(5);
        request.Measure = "happiness";

        Assert.Equal("measure", Assert.Throws<InvalidFieldException>(() => RecordOutcomeMeasureDecision.Validate(request)).Field);
    }

    [Fact]
    public void Given_a_measure_on_one_instrument_When_the_same_measure_comes_on_another_Then_InvalidArgument_naming_instrument()
    {
        var episode = Given.OpenEpisode().Apply((OutcomeMeasured)RecordOutcomeMeasureDecision.Decide(Given.OpenEpisode(), Command("start", 40), Given.Now)[0]);

        Assert.Equal("instrument", Assert.Throws<InvalidFieldException>(() =>
            RecordOutcomeMeasureDecision.Decide(episode, Command("end", 50, instrument: "SWEMWBS"), Given.Now)).Field);
    }

    [Fact]
    public void Given_a_closed_episode_When_an_end_measure_comes_Then_it_is_recorded_but_a_during_one_is_refused()
    {
        Assert.Single(RecordOutcomeMeasureDecision.Decide(Given.EndedEpisode(), Command("end", 50), Given.Now));
        Assert.Equal("episode_id", Assert.Throws<RuleViolationException>(() =>
            RecordOutcomeMeasureDecision.Decide(Given.EndedEpisode(), Command("during", 50), Given.Now)).Field);
    }

    [Fact]
    public void Given_a_recorded_measure_When_recording_it_again_Then_nothing_changes_and_a_different_one_is_refused()
    {
        var id = Guid.NewGuid();
        var episode = Given.OpenEpisode().Apply((OutcomeMeasured)RecordOutcomeMeasureDecision.Decide(Given.OpenEpisode(), Command("start", 40, id), Given.Now)[0]);

        Assert.Empty(RecordOutcomeMeasureDecision.Decide(episode, Command("start", 40, id), Given.Now));
        Assert.Equal("measure_id", Assert.Throws<DuplicateRecordException>(() =>
            RecordOutcomeMeasureDecision.Decide(episode, Command("start", 41, id), Given.Now)).Field);
    }
}
