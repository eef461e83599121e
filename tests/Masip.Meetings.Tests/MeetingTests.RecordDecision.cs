using Masip.Meetings.Actions;
using Masip.Meetings.Actions.Assigning;
using Masip.Meetings.Actions.Completing;
using Masip.Meetings.Agenda.Generating;
using Masip.Meetings.Calendar;
using Masip.Meetings.Running;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Meetings.Tests;

public sealed class MeetingTests_RecordDecision
{
    private static readonly Meeting WithAgenda = Build();
    private static string ItemId => WithAgenda.Agenda[0].ItemId;

    private static Meeting Build()
    {
        var meeting = Given.Meeting();
        return meeting.Apply((AgendaGenerated)GenerateAgendaDecision.Decide(meeting,
            Given.Inputs([Given.Candidate(Given.Tiered(2, "medium", Given.Now.AddHours(-3)))]), Given.Now)[0]);
    }

    private static RecordDecision Decision(string itemId, string kind = DecisionKinds.TierChange, int? tier = 3, string owner = "police") =>
        new(Given.MeetingId, Guid.Parse("2f6d3c8e-0d77-4a40-8a2f-3c1e5b9d7a10"), itemId, kind, owner, "tier 3", tier);

    [Fact]
    public void Given_an_item_on_the_agenda_When_deciding_a_tier_change_Then_it_is_recorded_with_the_case_links()
    {
        var decided = Assert.IsType<DecisionRecorded>(Assert.Single(RunningDecisions.Decide(WithAgenda, Decision(ItemId), Given.Chair, Given.Now)));

        Assert.Equal((ItemId, "tier-change", "police", 3, WithAgenda.Agenda[0].CaseId, Given.Chair.Subject),
            (decided.ItemId, decided.Kind, decided.OwnerAgency, decided.NewTier, decided.CaseId, decided.DecidedBy));
        Assert.Empty(RunningDecisions.Decide(WithAgenda.Apply(decided), Decision(ItemId), Given.Chair, Given.Now));
    }

    [Fact]
    public void Given_an_agenda_When_deciding_on_an_item_not_on_it_Then_it_is_refused_naming_item_id()
    {
        var error = Assert.Throws<RuleViolationException>(() => RunningDecisions.Decide(WithAgenda, Decision("not-an-item"), Given.Chair, Given.Now));

        Assert.Equal("item_id", error.Field);
    }

    [Fact]
    public void Given_an_agenda_When_a_tier_change_has_no_tier_or_a_non_police_owner_Then_it_is_refused()
    {
        Assert.Equal("new_tier", Assert.Throws<InvalidFieldException>(() => RunningDecisions.Decide(WithAgenda, Decision(ItemId, tier: null), Given.Chair, Given.Now)).Field);
        Assert.Equal("owner_agency", Assert.Throws<RuleViolationException>(() =>
            RunningDecisions.Decide(WithAgenda, Decision(ItemId, owner: "probation"), Given.Chair, Given.Now)).Field);
    }

    [Fact]
    public void Given_an_agenda_When_recording_discussion_and_attendance_Then_they_are_kept()
    {
        Assert.IsType<DiscussionRecorded>(Assert.Single(RunningDecisions.Decide(WithAgenda, new RecordDiscussion(Given.MeetingId, ItemId, "agreed"), Given.Now)));
        Assert.IsType<AttendanceRecorded>(Assert.Single(RunningDecisions.Decide(WithAgenda, new RecordAttendance(Given.MeetingId, "Test Officer 1", true), Given.Now)));
        Assert.Equal("person", Assert.Throws<RuleViolationException>(() =>
            RunningDecisions.Decide(WithAgenda, new RecordAttendance(Given.MeetingId, "Stranger", true), Given.Now)).Field);
    }

    [Fact]
    public void Given_an_agenda_When_the_chair_assigns_an_action_Then_the_assignee_does_it_and_the_chair_is_recorded_as_assigning_it()
    {
        var command = new AssignAction(Guid.NewGuid(), Given.MeetingId, ItemId, "call the OIC", "probation", "Test Officer 2", Given.Day.AddDays(2));

        var assigned = Assert.IsType<ActionAssigned>(Assert.Single(AssignActionDecision.Decide(null, WithAgenda, command, Given.Chair, Given.Now)));

        Assert.Equal(("probation", "Test Officer 2", Given.Chair.Subject), (assigned.OwnerAgency, assigned.Assignee, assigned.AssignedBy));
        var action = MeetingAction.Create(assigned);
        Assert.True(action.Open);
        Assert.Equal(Given.Chair.Subject, action.AssignedBy);
        Assert.Empty(AssignActionDecision.Decide(action, WithAgenda, command, Given.Chair, Given.Now));
        Assert.Equal("action_id", Assert.Throws<DuplicateRecordException>(() =>
            AssignActionDecision.Decide(action, WithAgenda, command with { Assignee = "Test Officer 9" }, Given.Chair, Given.Now)).Field);
    }

    [Fact]
    public void Given_an_agenda_When_assigning_on_an_item_not_on_it_or_without_a_meeting_Then_it_is_refused_naming_the_field()
    {
        var command = new AssignAction(Guid.NewGuid(), Given.MeetingId, ItemId, "call the OIC", "probation", "Test Officer 2", Given.Day.AddDays(2));

        Assert.Equal("item_id", Assert.Throws<RuleViolationException>(() =>
            AssignActionDecision.Decide(null, WithAgenda, command with { ItemId = "nope" }, Given.Chair, Given.Now)).Field);
        Assert.Equal("meeting_id", Assert.Throws<RecordNotFoundException>(() =>
            AssignActionDecision.Decide(null, null, command, Given.Chair, Given.Now)).Field);
    }

    [Fact]
    public void Given_an_open_action_When_completing_Then_only_its_owning_agency_or_the_chair_may_and_the_actor_is_recorded()
    {
        var command = new AssignAction(Guid.NewGuid(), Given.MeetingId, ItemId, "call the OIC", "probation", "Test Officer 2", Given.Day.AddDays(2));
        var action = MeetingAction.Create((ActionAssigned)AssignActionDecision.Decide(null, WithAgenda, command, Given.Chair, Given.Now)[0]);
        var advocate = new Actor("advocate-001", "advocacy", "advocate");
        var officer = new Actor("probation-001", "probation", "probation-officer");

        Assert.Equal("action_id", Assert.Throws<RuleViolationException>(() =>
            CompleteActionDecision.Decide(action, new CompleteAction(action.Id), advocate, Given.Now)).Field);
        var completed = Assert.IsType<ActionCompleted>(Assert.Single(CompleteActionDecision.Decide(action, new CompleteAction(action.Id), officer, Given.Now)));
        Assert.Equal("probation-001", completed.CompletedBy);
        var done = action.Apply(completed);
        Assert.Equal((false, "probation-001"), (done.Open, done.CompletedBy));
        Assert.Empty(CompleteActionDecision.Decide(done, new CompleteAction(action.Id), officer, Given.Now));
        Assert.Equal(Given.Chair.Subject,
            Assert.IsType<ActionCompleted>(Assert.Single(CompleteActionDecision.Decide(action, new CompleteAction(action.Id), Given.Chair, Given.Now))).CompletedBy);
    }
}

public sealed class MeetingTests_RecordDecision_Griffin
{
    [Fact]
    public void Given_a_DMM_item_When_nominating_to_Griffin_for_advocacy_Then_it_is_refused_naming_owner_agency()
    {
        var meeting = Given.Meeting();
        meeting = meeting.Apply((AgendaGenerated)GenerateAgendaDecision.Decide(meeting,
            Given.Inputs([Given.Candidate(Given.Tiered(3, "high", Given.Now.AddHours(-1)))]), Given.Now)[0]);
        var command = new RecordDecision(meeting.Id, Guid.NewGuid(), meeting.Agenda[0].ItemId, DecisionKinds.NominateToGriffin, "advocacy", "nominate", null);

        Assert.Equal("owner_agency", Assert.Throws<RuleViolationException>(() => RunningDecisions.Decide(meeting, command, Given.Chair, Given.Now)).Field);
        Assert.IsType<DecisionRecorded>(Assert.Single(RunningDecisions.Decide(meeting, command with { OwnerAgency = "police" }, Given.Chair, Given.Now)));
    }
}
