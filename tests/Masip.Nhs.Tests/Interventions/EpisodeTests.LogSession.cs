using Masip.Nhs.Interventions;
using Masip.Nhs.Interventions.LoggingSessions;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Nhs.Tests.Interventions;

public sealed class EpisodeTests_LogSession
{
    private static readonly Guid SessionId = Guid.Parse("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c06");

    private static LogSession Command(string attendance = "attended") =>
        new(Given.EpisodeId, SessionId, new DateOnly(2026, 11, 20), attendance, "synthetic session note");

    [Theory]
    [InlineData("attended")]
    [InlineData("did-not-attend")]
    [InlineData("cancelled")]
    public void Given_an_open_episode_When_logging_a_session_Then_it_is_logged(string attendance)
    {
        var events = LogSessionDecision.Decide(Given.OpenEpisode(), Command(attendance), Given.Now);

        var logged = Assert.IsType<SessionLogged>(Assert.Single(events));
        Assert.Equal(attendance, Given.OpenEpisode().Apply(logged).Sessions.Single().Attendance);
    }

    [Fact]
    public void Given_a_closed_episode_When_logging_a_session_Then_FailedPrecondition_naming_episode_id()
    {
        var error = Assert.Throws<RuleViolationException>(() => LogSessionDecision.Decide(Given.EndedEpisode(), Command(), Given.Now));

        Assert.Equal("episode_id", error.Field);
    }

    [Fact]
    public void Given_a_logged_session_When_logging_it_again_Then_nothing_changes_and_a_different_one_is_refused()
    {
        var episode = Given.OpenEpisode().Apply((SessionLogged)LogSessionDecision.Decide(Given.OpenEpisode(), Command(), Given.Now)[0]);

        Assert.Empty(LogSessionDecision.Decide(episode, Command(), Given.Now));
        Assert.Equal("session_id", Assert.Throws<DuplicateRecordException>(() =>
            LogSessionDecision.Decide(episode, Command("cancelled"), Given.Now)).Field);
    }

    [Fact]
    public void Given_an_episode_When_a_session_predates_it_Then_InvalidArgument_naming_date()
    {
        var early = Command() with { Date = new DateOnly(2026, 1, 1) };

        Assert.Equal("date", Assert.Throws<InvalidFieldException>(() => LogSessionDecision.Decide(Given.OpenEpisode(), early, Given.Now)).Field);
    }
}
