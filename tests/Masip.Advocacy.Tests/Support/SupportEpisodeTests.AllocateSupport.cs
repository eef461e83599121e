using Masip.Advocacy.Referrals;
using Masip.Advocacy.Support;
using Masip.Advocacy.Support.Allocating;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Advocacy.Tests.Support;

public sealed class SupportEpisodeTests_AllocateSupport
{
    private static readonly AllocateSupport Command = new(Given.ReferralId, "advocate-001");

    [Fact]
    public void Given_a_triaged_advocacy_referral_and_19_cases_When_allocating_Then_the_20th_case_is_taken()
    {
        var referral = Given.Referral(Given.Accepted, Given.Triaged());

        var allocation = AllocateSupportDecision.Decide(referral, Given.CaseloadOf(19), Command, Given.EpisodeId, Given.Now);

        Assert.Equal(new SupportEpisodeOpened(Given.EpisodeId, Given.ReferralId, "advocate-001", SupportLevel.Advocacy, RiskLevel.High, Given.Now),
            Assert.Single(allocation.EpisodeEvents));
        Assert.Equal(new SupportAllocated(Given.ReferralId, Given.EpisodeId, "advocate-001", SupportLevel.Advocacy, Given.Now),
            Assert.Single(allocation.ReferralEvents));
        Assert.Equal(new AdvocacyCaseTaken("advocate-001", Given.EpisodeId, Given.ReferralId, Given.Now), Assert.Single(allocation.CaseloadEvents));
    }

    [Fact]
    public void Given_an_advocate_with_20_advocacy_cases_When_allocating_a_21st_Then_it_is_refused_naming_the_advocate()
    {
        var referral = Given.Referral(Given.Accepted, Given.Triaged());

        var error = Assert.Throws<RuleViolationException>(() =>
            AllocateSupportDecision.Decide(referral, Given.CaseloadOf(AdvocateCaseload.Capacity), Command, Given.EpisodeId, Given.Now));

        Assert.Equal("advocate_id", error.Field);
        Assert.Contains("allocation queue", error.Message);
    }

    [Fact]
    public void Given_a_full_caseload_When_allocating_brief_support_Then_it_goes_on_the_caseload_without_counting_against_the_cap()
    {
        var referral = Given.Referral(Given.Accepted, Given.Triaged(SupportLevel.Brief, RiskLevel.Standard));
        var full = Given.CaseloadOf(20);

        var allocation = AllocateSupportDecision.Decide(referral, full, Command, Given.EpisodeId, Given.Now);
        var after = full.Apply(Assert.IsType<BriefCaseTaken>(Assert.Single(allocation.CaseloadEvents)));

        Assert.Equal(SupportLevel.Brief, Assert.IsType<SupportEpisodeOpened>(Assert.Single(allocation.EpisodeEvents)).Level);
        Assert.Equal((20, 1), (after.OpenEpisodes.Count, after.BriefEpisodes.Count));
    }

    [Fact]
    public void Given_an_untriaged_or_allocated_referral_When_allocating_Then_it_is_refused()
    {
        var untriaged = Given.Referral(Given.Accepted);
        var allocated = Given.Referral(Given.Accepted, Given.Triaged(),
            new SupportAllocated(Given.ReferralId, Guid.NewGuid(), "advocate-002", SupportLevel.Advocacy, Given.Now));

        Assert.Equal("referral_id", Assert.Throws<RuleViolationException>(() => AllocateSupportDecision.Decide(untriaged, null, Command, Given.EpisodeId, Given.Now)).Field);
        Assert.Equal("referral_id", Assert.Throws<RuleViolationException>(() => AllocateSupportDecision.Decide(allocated, null, Command, Given.EpisodeId, Given.Now)).Field);
    }

    [Fact]
    public void A_triaged_referral_waits_in_the_allocation_queue_until_allocated()
    {
        var triaged = Given.Referral(Given.Accepted, Given.Triaged());
        var allocated = triaged.Apply(new SupportAllocated(Given.ReferralId, Given.EpisodeId, "advocate-001", SupportLevel.Advocacy, Given.Now));

        Assert.True(triaged.AwaitingAllocation);
        Assert.Equal((int)RiskLevel.High, triaged.RiskRank);
        Assert.False(allocated.AwaitingAllocation);
    }

    [Fact]
    public void Given_support_that_ended_When_allocating_again_Then_a_new_triage_is_needed_first()
    {
        var ended = Given.Referral(Given.Accepted, Given.Triaged(SupportLevel.Brief, RiskLevel.Standard),
            new SupportAllocated(Given.ReferralId, Given.EpisodeId, "advocate-001", SupportLevel.Brief, Given.Now.AddDays(-2)))
            .Apply(new SupportEnded(Given.ReferralId, Given.EpisodeId, Given.Now.AddDays(-1)));

        var error = Assert.Throws<RuleViolationException>(() => AllocateSupportDecision.Decide(ended, null, Command, Guid.NewGuid(), Given.Now));
        var retriaged = ended.Apply(Given.Triaged());
        var allocation = AllocateSupportDecision.Decide(retriaged, Given.CaseloadOf(1), Command, Guid.NewGuid(), Given.Now);

        Assert.Equal("referral_id", error.Field);
        Assert.Equal([Given.EpisodeId], ended.PastEpisodeIds);
        Assert.True(retriaged.AwaitingAllocation);
        Assert.Single(allocation.CaseloadEvents);
    }
}
