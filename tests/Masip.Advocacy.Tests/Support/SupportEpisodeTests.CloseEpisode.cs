using Masip.Advocacy.Referrals;
using Masip.Advocacy.Support;
using Masip.Advocacy.Support.Closing;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Advocacy.Tests.Support;

public sealed class SupportEpisodeTests_CloseEpisode
{
    private static readonly CloseEpisode Command = new(Given.EpisodeId, "support-completed", null);

    [Fact]
    public void Given_an_open_episode_When_closing_Then_it_closes_with_the_outcome_by_the_caller_and_the_case_leaves_the_caseload()
    {
        var episode = Given.Episode();
        var caseload = Given.CaseloadOf(3).Apply(new AdvocacyCaseTaken("advocate-001", Given.EpisodeId, Given.ReferralId, Given.Now));

        var closed = Assert.Single(CloseEpisodeDecision.Decide(episode, Command, Given.AdvocateNamed("advocate-009"), Given.Now));
        var released = Assert.Single(CloseEpisodeDecision.Release(episode, caseload, Given.Now));

        Assert.Equal(new SupportEpisodeClosed(Given.EpisodeId, Given.ReferralId, "support-completed", null, "advocate-009", Given.Now), closed);
        Assert.Equal(3, caseload.Apply((AdvocacyCaseReleased)released).OpenEpisodes.Count);
    }

    [Fact]
    public void Given_a_brief_episode_When_closing_Then_it_leaves_the_brief_cases_and_the_cap_is_untouched()
    {
        var episode = Given.Episode(SupportLevel.Brief);
        var caseload = Given.CaseloadOf(3, brief: 1).Apply(new BriefCaseTaken("advocate-001", Given.EpisodeId, Given.ReferralId, Given.Now));

        var released = Assert.IsType<BriefCaseReleased>(Assert.Single(CloseEpisodeDecision.Release(episode, caseload, Given.Now)));
        var after = caseload.Apply(released);

        Assert.Equal((3, 1), (after.OpenEpisodes.Count, after.BriefEpisodes.Count));
        Assert.Empty(CloseEpisodeDecision.Release(episode, null, Given.Now));
    }

    [Fact]
    public void Given_a_closed_episode_When_closing_again_Then_it_is_refused()
    {
        var episode = Given.Episode(events: new SupportEpisodeClosed(Given.EpisodeId, Given.ReferralId, "referred-on", null, "a", Given.Now));

        Assert.Equal("episode_id", Assert.Throws<RuleViolationException>(() => CloseEpisodeDecision.Decide(episode, Command, Given.Advocate, Given.Now)).Field);
    }

    [Fact]
    public void An_other_outcome_needs_notes() =>
        Assert.Equal("notes", Assert.Throws<InvalidFieldException>(() =>
            CloseEpisodeDecision.Decide(Given.Episode(), Command with { Outcome = "other" }, Given.Advocate, Given.Now)).Field);
}
