using Masip.Police.Cases;
using Masip.Police.Reviews.Closing;
using Masip.Police.Spo.Recording;
using Masip.Police.Tests.Cases;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Police.Tests.Spo;

public sealed class StacCaseTests_Spo
{
    private static readonly Guid Id = Guid.Empty;

    private static StacCase When(StacCase c, Func<StacCase, IReadOnlyList<object>> decide) => Given.Apply(c, decide(c));

    private static StacCase Applied() => When(Given.Case(), c => SpoDecisions.Decide(c, new RecordSpoApplication(Id, "interim", Given.Today, "given"), Given.Officer, Given.Now));

    private static RecordSpoDecision Grant(string stage = "interim") =>
        new(Id, stage, true, ["no contact with the victim"], ["intervention-programme"], Given.Today.AddYears(2), "risk");

    private static StacCase Granted() => When(Applied(), c => SpoDecisions.Decide(c, Grant(), Given.Officer, Given.Now));

    [Fact]
    public void Given_a_case_When_an_SPO_is_considered_and_not_applied_for_Then_the_reason_is_recorded()
    {
        var events = SpoDecisions.Decide(Given.Case(), new RecordSpoConsidered(Id, false, "no ongoing contact"), Given.Officer, Given.Now);

        var considered = Assert.IsType<SpoConsidered>(Assert.Single(events));
        Assert.False(considered.WillApply);
        Assert.True(Given.Apply(Given.Case(), events).Spo.Considered);
    }

    [Fact]
    public void An_interim_application_records_the_victims_consent_or_explains_its_absence()
    {
        Assert.Equal("victim_consent", Assert.Throws<InvalidFieldException>(() =>
            SpoDecisions.Decide(Given.Case(), new RecordSpoApplication(Id, "interim", Given.Today), Given.Officer, Given.Now)).Field);
        Assert.Equal("consent_note", Assert.Throws<InvalidFieldException>(() =>
            SpoDecisions.Decide(Given.Case(), new RecordSpoApplication(Id, "interim", Given.Today, "declined"), Given.Officer, Given.Now)).Field);
        var explained = SpoDecisions.Decide(Given.Case(), new RecordSpoApplication(Id, "interim", Given.Today, "not-sought", "victim unreachable"),
            Given.Officer, Given.Now);
        Assert.Equal("not-sought", Given.Apply(Given.Case(), explained).Spo.VictimConsent);
        Assert.Single(SpoDecisions.Decide(Given.Case(), new RecordSpoApplication(Id, "full", Given.Today), Given.Officer, Given.Now));
    }

    [Fact]
    public void Given_no_application_When_a_grant_is_recorded_Then_it_is_refused()
    {
        var error = Assert.Throws<RuleViolationException>(() => SpoDecisions.Decide(Given.Case(), Grant(), Given.Officer, Given.Now));

        Assert.Equal("stage", error.Field);
    }

    [Fact]
    public void Given_an_application_When_the_interim_SPO_is_granted_Then_it_is_in_force_and_the_victim_is_told()
    {
        var events = SpoDecisions.Decide(Applied(), Grant(), Given.Officer, Given.Now);

        Assert.IsType<SpoDecided>(events[0]);
        Assert.Equal("spo-granted", Assert.IsType<VictimNotificationRaised>(events[1]).Kind);
        var after = Given.Apply(Applied(), events);
        Assert.Equal(("interim-granted", true), (after.Spo.Status, after.Spo.Considered));
        Assert.Equal(["intervention-programme"], after.Spo.Requirements);
        Assert.Equal("stac-1", Assert.IsType<SpoDecided>(events[0]).RecordedBy);
        // applied today, granted at Given.Now (also today): the statistics count 0 days
        Assert.Equal(0, after.SpoDaysApplicationToGrant);
        Assert.Null(Applied().SpoDaysApplicationToGrant);
    }

    [Fact]
    public void Given_an_SPO_in_force_When_breached_once_Then_it_forces_a_reassessment_but_no_further_offence_prompt_yet()
    {
        var events = SpoDecisions.Decide(Granted(), new RecordSpoBreach(Id, Given.Today, "contacted the victim"), Given.Officer, Given.Now);

        Assert.IsType<SpoBreached>(events[0]);
        Assert.Equal("spo-breached", Assert.IsType<VictimNotificationRaised>(events[1]).Kind);
        var after = Given.Apply(Granted(), events);
        // Two or more breaches of any orders prompt it (Orders/Breaches), not every SPO breach.
        Assert.False(after.FurtherOffencePrompt);
        Assert.True(after.ReassessmentDue);
        Assert.Equal(1, after.Spo.Breaches);
    }

    [Fact]
    public void Given_a_breach_When_the_officer_records_it_as_a_further_offence_Then_the_prompt_clears_and_the_reference_is_kept()
    {
        var breached = Given.Apply(When(Granted(), c => SpoDecisions.Decide(c, new RecordSpoBreach(Id, Given.Today, "x"), Given.Officer, Given.Now)),
            [new SeparateOffenceReviewRaised(Id, Guid.NewGuid(), 2, Given.Now)]);
        Assert.True(breached.FurtherOffencePrompt);

        var answered = When(breached, c => SpoDecisions.Decide(c, new AnswerFurtherOffencePrompt(Id, true, "CRIS-0099", "second breach"), Given.Officer, Given.Now));

        Assert.False(answered.FurtherOffencePrompt);
        Assert.Equal(["CRIS-0099"], answered.FurtherOffenceReferences);
        Assert.True(answered.ReassessmentDue);
        Assert.Equal("case_id", Assert.Throws<RuleViolationException>(() =>
            SpoDecisions.Decide(answered, new AnswerFurtherOffencePrompt(Id, false, null, "again"), Given.Officer, Given.Now)).Field);
        Assert.Equal("further_crime_reference", Assert.Throws<InvalidFieldException>(() =>
            SpoDecisions.Decide(breached, new AnswerFurtherOffencePrompt(Id, true, null, "r"), Given.Officer, Given.Now)).Field);
    }

    [Fact]
    public void Without_an_SPO_in_force_a_breach_variation_or_expiry_is_refused()
    {
        Assert.Throws<RuleViolationException>(() => SpoDecisions.Decide(Applied(), new RecordSpoBreach(Id, Given.Today, "x"), Given.Officer, Given.Now));
        Assert.Throws<RuleViolationException>(() => SpoDecisions.Decide(Given.Case(), new VarySpo(Id, ["x"], [], "r"), Given.Officer, Given.Now));
        Assert.Throws<RuleViolationException>(() => SpoDecisions.Decide(Given.Case(), new RecordSpoExpired(Id, Given.Today), Given.Officer, Given.Now));
    }

    [Fact]
    public void Given_an_SPO_in_force_When_varied_and_then_expired_Then_the_terms_change_and_it_is_no_longer_in_force()
    {
        var varied = When(Granted(), c => SpoDecisions.Decide(c, new VarySpo(Id, ["no contact", "exclusion zone"], ["signing-on"], "court"), Given.Officer, Given.Now));
        var expired = When(varied, c => SpoDecisions.Decide(c, new RecordSpoExpired(Id, Given.Today), Given.Officer, Given.Now));

        Assert.Equal((2, 1), (varied.Spo.Prohibitions.Count, varied.Spo.Variations));
        Assert.Equal("expired", expired.Spo.Status);
        Assert.False(expired.Spo.InForce);
    }

    [Fact]
    public void A_breach_date_in_the_future_is_refused_naming_breached_on()
    {
        Assert.Equal("breached_on", Assert.Throws<InvalidFieldException>(() =>
            SpoDecisions.Decide(Granted(), new RecordSpoBreach(Id, Given.Today.AddDays(1), "x"), Given.Officer, Given.Now)).Field);
    }

    [Fact]
    public void Given_no_SPO_considered_When_closing_Then_it_is_refused_and_after_considering_it_closes_and_the_victim_hears_of_the_charge()
    {
        Assert.Equal("spo_considered", Assert.Throws<RuleViolationException>(() =>
            CloseCaseDecision.Decide(Given.Case(), new CloseCase(Id, "charge", "CPS authorised"), Given.Officer, Given.Now)).Field);

        var considered = When(Given.Case(), c => SpoDecisions.Decide(c, new RecordSpoConsidered(Id, false, "in custody"), Given.Officer, Given.Now));
        var events = CloseCaseDecision.Decide(considered, new CloseCase(Id, "charge", "CPS authorised"), Given.Officer, Given.Now);

        Assert.IsType<CaseClosed>(events[0]);
        Assert.Equal("charge", Assert.IsType<VictimNotificationRaised>(events[1]).Kind);
        Assert.Equal(CaseStatus.Closed, Given.Apply(considered, events).Status);
    }
}
