using Masip.Meetings.Actions;
using Masip.Meetings.Actions.Assigning;
using Masip.Meetings.Agenda.Generating;
using Masip.Meetings.Calendar;
using Masip.Meetings.Running;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Meetings.Tests;

/// <summary>Issue 18.2: each decision kind is owned by the agency whose service carries it out; an action carries its item's case.</summary>
public sealed class MeetingTests_DecisionOwners
{
    private static readonly Meeting WithAgenda = Build();

    private static Meeting Build()
    {
        var meeting = Given.Meeting();
        return meeting.Apply((AgendaGenerated)GenerateAgendaDecision.Decide(meeting,
            Given.Inputs([Given.Candidate(Given.Tiered(2, "medium", Given.Now.AddHours(-3)))]), Given.Now)[0]);
    }

    private static IReadOnlyList<object> Decide(string kind, string owner) => RunningDecisions.Decide(WithAgenda,
        new RecordDecision(Given.MeetingId, Guid.NewGuid(), WithAgenda.Agenda[0].ItemId, kind, owner, "synthetic detail", null), Given.Chair, Given.Now);

    [Theory]
    [InlineData("refer-to-nhs", "police")]
    [InlineData("refer-to-nhs", "probation")]
    [InlineData("refer-to-probation", "police")]
    [InlineData("refer-to-advocacy", "police")]
    [InlineData("consider-spo", "police")]
    [InlineData("apply-for-spo", "police")]
    [InlineData("mappa-referral", "probation")]
    [InlineData("safety-plan-review", "advocacy")]
    [InlineData("victim-update", "advocacy")]
    [InlineData("refer", "nhs")]
    public void Given_a_decision_kind_When_its_owner_may_carry_it_out_Then_it_is_recorded(string kind, string owner)
    {
        var decided = Assert.IsType<DecisionRecorded>(Assert.Single(Decide(kind, owner)));

        Assert.Equal((kind, owner, WithAgenda.Agenda[0].CaseId), (decided.Kind, decided.OwnerAgency, decided.CaseId));
    }

    [Theory]
    [InlineData("refer-to-nhs", "nhs", "the refer-to-nhs decision is owned by police or probation")]
    [InlineData("refer-to-advocacy", "advocacy", "the refer-to-advocacy decision is owned by police")]
    [InlineData("safety-plan-review", "police", "the safety-plan-review decision is owned by advocacy")]
    [InlineData("apply-for-spo", "probation", "the apply-for-spo decision is owned by police")]
    public void Given_a_decision_kind_When_another_agency_is_named_owner_Then_it_is_refused_naming_owner_agency(string kind, string owner, string message)
    {
        var error = Assert.Throws<RuleViolationException>(() => Decide(kind, owner));

        Assert.Equal("owner_agency", error.Field);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Given_an_item_about_a_case_When_assigning_an_action_Then_the_action_carries_the_case_for_the_owners_task()
    {
        var item = WithAgenda.Agenda[0];
        var assigned = Assert.IsType<ActionAssigned>(Assert.Single(AssignActionDecision.Decide(null, WithAgenda,
            new AssignAction(Guid.NewGuid(), Given.MeetingId, item.ItemId, "check licence", "probation", "po-1", Given.Day.AddDays(2)), Given.Chair, Given.Now)));

        Assert.Equal((item.CaseId, item.PerpetratorId, item.CrimeReference), (assigned.CaseId, assigned.PerpetratorId, assigned.CrimeReference));
    }
}
