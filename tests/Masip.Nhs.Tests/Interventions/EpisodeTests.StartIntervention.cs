using Masip.Contracts.Nhs;
using Masip.Nhs.Interventions;
using Masip.Nhs.Interventions.StartingInterventions;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Nhs.Tests.Interventions;

public sealed class EpisodeTests_StartIntervention
{
    private static StartIntervention Command(string modality = "cbt") => new(Given.EpisodeId, Given.ReferralId, modality, 12);

    [Fact]
    public void Given_an_accepted_referral_When_starting_Then_the_episode_starts_with_the_referral_route_and_the_calling_clinician()
    {
        var events = StartInterventionDecision.Decide(Given.AcceptedReferral(), null, Command(), Given.Clinician, Given.Now);

        Assert.Equal(new InterventionStarted(Given.EpisodeId, Given.ReferralId, Given.PerpetratorId, "police", "cbt", 12, "clinician-03", Given.Now),
            Assert.Single(events));
    }

    [Fact]
    public void Given_a_waiting_referral_When_starting_Then_FailedPrecondition_naming_referral_id()
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            StartInterventionDecision.Decide(Given.WaitingReferral(), null, Command(), Given.Clinician, Given.Now));

        Assert.Equal("referral_id", error.Field);
    }

    [Fact]
    public void Given_the_episode_When_starting_it_again_Then_nothing_changes_and_a_different_one_is_refused()
    {
        Assert.Empty(StartInterventionDecision.Decide(Given.AcceptedReferral(), Given.OpenEpisode(), Command(), Given.Clinician, Given.Now));
        Assert.Equal("episode_id", Assert.Throws<DuplicateRecordException>(() =>
            StartInterventionDecision.Decide(Given.AcceptedReferral(), Given.OpenEpisode(), Command("emdr"), Given.Clinician, Given.Now)).Field);
        Assert.Equal("episode_id", Assert.Throws<DuplicateRecordException>(() =>
            StartInterventionDecision.Decide(Given.AcceptedReferral(), Given.OpenEpisode(), Command(), Given.AnotherClinician, Given.Now)).Field);
    }

    [Theory]
    [InlineData("domestic-abuse-group-programme")]
    [InlineData("building-better-relationships")]
    [InlineData("")]
    public void When_the_modality_is_not_a_stalking_specific_one_Then_InvalidArgument_naming_modality(string modality)
    {
        var request = new StartInterventionRequest
        {
            EpisodeId = Given.EpisodeId.ToString(), ReferralId = Given.ReferralId.ToString(), Modality = modality, PlannedSessions = 12,
        };

        Assert.Equal("modality", Assert.Throws<InvalidFieldException>(() => StartInterventionDecision.Validate(request)).Field);
    }
}
