using Masip.Meetings.Actions;
using Masip.Meetings.Actions.Assigning;
using Masip.Meetings.Actions.Completing;
using Masip.Meetings.Agenda.Generating;
using Masip.Meetings.Calendar;
using Masip.Meetings.Running;
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
        return meeting.Apply((AgendaGenerated)GenerateAgendaDecision.Decide(meeting, meeting.Id,
            Given.Inputs([Given.Candidate(Given.Tiered(2, "medium", Given.Now.AddHours(-3)))]), Given.Now)[0]);
    }

    private static RecordDecision Decision(string itemId, string kind = DecisionKinds.TierChange, int? tier = 3, string owner = "police") =>
        new(Given.MeetingId, Guid.Parse("2f6d3c8e-0d77-4a40-8a2f-3c1e5b9d7a10"), itemId, kind, owner, "tier 3", tier, "test-police-meeting-chair");

    [Fact]
    public void Given_an_item_on_the_agenda_When_deciding_a_tier_change_Then_it_is_recorded_with_the_case_links()
    {
        var decided = Assert.IsType<DecisionRecorded>(Assert.Single(RunningDecisions.Decide(WithAgenda, Decision(ItemId), Given.Now)));

        Assert.Equal((ItemId, "tier-change", "police", 3, WithAgenda.Agenda[0].CaseId),
            (decided.ItemId, decided.Kind, decided.OwnerAgency, decided.NewTier, decided.CaseId));
        Assert.Empty(RunningDecisions.Decide(WithAgenda.Apply(decided), Decision(ItemId), Given.Now));
    }

    [Fact]
    public void Given_an_agenda_When_deciding_on_an_item_not_on_it_Then_it_is_refused_naming_item_id()
    {
        var error = Assert.Throws<RuleViolationException>(() => RunningDecisions.Decide(WithAgenda, Decision("not-an-item"), Given.Now));

        Assert.Equal("item_id", error.Field);
    }

    [Fact]
    public void Given_an_agenda_When_a_tier_change_has_no_tier_or_a_non_police_owner_Then_it_is_refused()
    {
        Assert.Equal("new_tier", Assert.Throws<InvalidFieldException>(() => RunningDecisions.Decide(WithAgenda, Decision(ItemId, tier: null), Given.Now)).Field);
        Assert.Equal("owner_agency", Assert.Throws<RuleViolationException>(() =>
            RunningDecisions.Decide(WithAgenda, Decision(ItemId, owner: "probation"), Given.Now)).Field);
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
    public void Given_an_agenda_When_assigning_an_action_on_an_item_Then_it_is_open_and_only_its_owner_completes_it()
    {
        var command = new AssignAction(Guid.NewGuid(), Given.MeetingId, ItemId, "call the OIC", "probation", "Test Officer 2", Given.Day.AddDays(2));
        var action = MeetingAction.Create(Assert.IsType<ActionAssigned>(Assert.Single(AssignActionDecision.Decide(null, WithAgenda, command, Given.Now))));

        Assert.True(action.Open);
        Assert.Equal("item_id", Assert.Throws<RuleViolationException>(() =>
            AssignActionDecision.Decide(null, WithAgenda, command with { ItemId = "nope" }, Given.Now)).Field);
        Assert.Equal("action_id", Assert.Throws<RuleViolationException>(() =>
            CompleteActionDecision.Decide(action, new CompleteAction(action.Id, "advocacy", "test-advocate", false), Given.Now)).Field);
        var completed = action.Apply(Assert.IsType<ActionCompleted>(Assert.Single(
            CompleteActionDecision.Decide(action, new CompleteAction(action.Id, "probation", "test-probation", false), Given.Now))));
        Assert.False(completed.Open);
        Assert.Empty(CompleteActionDecision.Decide(completed, new CompleteAction(action.Id, "probation", "test-probation", false), Given.Now));
    }
}

public sealed class MeetingTests_RecordDecision_Griffin
{
    [Fact]
    public void Given_a_DMM_item_When_nominating_to_Griffin_for_advocacy_Then_it_is_refused_naming_owner_agency()
    {
        var meeting = Given.Meeting();
        meeting = meeting.Apply((AgendaGenerated)GenerateAgendaDecision.Decide(meeting, meeting.Id,
            Given.Inputs([Given.Candidate(Given.Tiered(3, "high", Given.Now.AddHours(-1)))]), Given.Now)[0]);
        var command = new RecordDecision(meeting.Id, Guid.NewGuid(), meeting.Agenda[0].ItemId, DecisionKinds.NominateToGriffin, "advocacy", "nominate", null, "chair");

        Assert.Equal("owner_agency", Assert.Throws<RuleViolationException>(() => RunningDecisions.Decide(meeting, command, Given.Now)).Field);
        Assert.IsType<DecisionRecorded>(Assert.Single(RunningDecisions.Decide(meeting, command with { OwnerAgency = "police" }, Given.Now)));
    }
}
