using System.Collections.Concurrent;
using Grpc.Core;
using Masip.Contracts.Meetings;
using Masip.Contracts.Messages;
using Masip.Testing;
using Xunit;

namespace Masip.Meetings.IntegrationTests;

/// <summary>Every other gRPC method: scheduling, attendance, discussion, decisions, actions, exports; and bad input.</summary>
public sealed class RunningTheMeetingTests(MeetingsBed bed) : IClassFixture<MeetingsBed>
{
    private static readonly DateOnly Day = MeetingsBed.NextWorkingDay(DateOnly.FromDateTime(DateTime.UtcNow));

    private async Task<(string Meeting, AgendaReply Agenda, string CaseItem, Guid CaseId)> MeetingWithAgenda()
    {
        var caseId = Guid.NewGuid();
        var item = await bed.Publish(new CaseTieredV1(caseId, "CRIS-RUN-" + Random.Shared.Next(1000, 9999), Guid.NewGuid(), "s4A", 2, "medium", "review", DateTimeOffset.UtcNow.AddMinutes(-5)));
        var voice = await bed.Publish(new VictimVoiceSharedV1(Guid.NewGuid(), "CRIS-RUN-V", "afraid to go out (synthetic)", "wants an SPO (synthetic)", DateTimeOffset.UtcNow.AddMinutes(-5)));
        await bed.Arrived("dmm", Day, [item, voice]);
        var meeting = Guid.NewGuid().ToString();
        await bed.Chair.ScheduleMeetingAsync(new ScheduleMeetingRequest
        {
            MeetingId = meeting, Type = "dmm", Date = MeetingsBed.Day(Day), Chair = "Chair Person 1",
            Attendees =
            {
                new Attendee { Agency = "probation", Role = "probation-officer", Person = "Test Officer 2" },
                new Attendee { Agency = "advocacy", Role = "advocate", Person = "Test Advocate 1" },
            },
        });
        var agenda = await bed.Chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = meeting });
        return (meeting, agenda, item, caseId);
    }

    [Fact]
    public async Task Scheduling_refuses_bad_input_and_stores_nothing()
    {
        var id = Guid.NewGuid().ToString();
        var saturday = Day.AddDays(DayOfWeek.Saturday - Day.DayOfWeek);
        await MeetingsBed.Refused(StatusCode.FailedPrecondition, "date", () => bed.Chair.ScheduleMeetingAsync(new ScheduleMeetingRequest
        { MeetingId = id, Type = "dmm", Date = MeetingsBed.Day(saturday), Chair = "Chair Person 1" }).ResponseAsync);
        await MeetingsBed.Refused(StatusCode.InvalidArgument, "type", () => bed.Chair.ScheduleMeetingAsync(new ScheduleMeetingRequest
        { MeetingId = id, Type = "mappa", Date = MeetingsBed.Day(Day), Chair = "Chair Person 1" }).ResponseAsync);
        await MeetingsBed.Refused(StatusCode.FailedPrecondition, "attendees[0].agency", () => bed.Chair.ScheduleMeetingAsync(new ScheduleMeetingRequest
        {
            MeetingId = id, Type = "griffin", Date = MeetingsBed.Day(Day), Chair = "Chair Person 1",
            Attendees = { new Attendee { Agency = "advocacy", Role = "advocate", Person = "Test Advocate 1" } },
        }).ResponseAsync);
        await MeetingsBed.Refused(StatusCode.NotFound, "meeting_id", () => bed.Chair.GetMeetingAsync(new GetMeetingRequest { MeetingId = id }).ResponseAsync);
        await MeetingsBed.Refused(StatusCode.NotFound, "meeting_id", () => bed.Chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = id }).ResponseAsync);
    }

    [Fact]
    public async Task The_schedule_lists_working_days_for_the_DMM_and_the_cadence_for_Griffin()
    {
        var dmm = await bed.Chair.GetScheduleAsync(new GetScheduleRequest { Type = "dmm", From = "2026-11-23", To = "2026-11-29" });
        var griffin = await bed.Chair.GetScheduleAsync(new GetScheduleRequest { Type = "griffin", From = "2026-01-01", To = "2026-02-01" });

        Assert.Equal(["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"], dmm.Dates);
        Assert.Equal(["2026-01-06", "2026-01-20"], griffin.Dates);
        await MeetingsBed.Refused(StatusCode.InvalidArgument, "to", () =>
            bed.Chair.GetScheduleAsync(new GetScheduleRequest { Type = "dmm", From = "2026-11-23", To = "2026-11-01" }).ResponseAsync);
    }

    [Fact]
    public async Task Attendance_discussion_and_a_decision_are_recorded_and_the_decision_reaches_the_agencies()
    {
        var (meeting, _, item, caseId) = await MeetingWithAgenda();

        await bed.Chair.AddAttendeeAsync(new AddAttendeeRequest { MeetingId = meeting, Attendee = new Attendee { Agency = "nhs", Role = "clinician", Person = "Test Clinician 1" } });
        await bed.Chair.RecordAttendanceAsync(new RecordAttendanceRequest { MeetingId = meeting, Person = "Test Officer 2", Present = true });
        await bed.Chair.RecordDiscussionAsync(new RecordDiscussionRequest { MeetingId = meeting, ItemId = item, Summary = "escalating contact (synthetic)" });
        var decisionId = Guid.NewGuid().ToString();
        var decide = new RecordDecisionRequest { MeetingId = meeting, DecisionId = decisionId, ItemId = item, Kind = "tier-change", OwnerAgency = "police", Detail = "tier 3", NewTier = 3 };
        await bed.Chair.RecordDecisionAsync(decide);
        var again = await bed.Chair.RecordDecisionAsync(decide);

        Assert.Single(again.Decisions);
        var agenda = await bed.Chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = meeting });
        Assert.Contains(agenda.Items.SelectMany(i => i.Contributions), c => c.VictimVoice == "wants an SPO (synthetic)");
        Assert.Empty(agenda.WithheldFields);
        Assert.Equal("present", again.Attendees.Single(a => a.Person == "Test Officer 2").Attendance);
        Assert.Contains(again.Attendees, a => a.Person == "Test Clinician 1");
        Assert.Equal("escalating contact (synthetic)", Assert.Single(again.Discussions).Summary);
        var message = await Eventually.ValueAsync(() => Task.FromResult(bed.Decisions.FirstOrDefault(d => d.DecisionId.ToString() == decisionId)),
            TimeSpan.FromSeconds(30), "the decision message");
        Assert.Equal(("tier-change", "police", 3, caseId), (message.Kind, message.OwnerAgency, message.NewTier, message.CaseId));

        // A nomination to Griffin is Griffin business: it goes out without advocacy among the receivers.
        var nomination = Guid.NewGuid().ToString();
        await bed.Chair.RecordDecisionAsync(new RecordDecisionRequest { MeetingId = meeting, DecisionId = nomination, ItemId = item, Kind = "nominate-to-griffin", OwnerAgency = "police", Detail = "repeat high-harm" });
        await Eventually.ValueAsync(() => Task.FromResult(bed.GriffinDecisions.FirstOrDefault(d => d.DecisionId.ToString() == nomination)),
            TimeSpan.FromSeconds(30), "the Griffin decision message");
        Assert.DoesNotContain(bed.Decisions, d => d.DecisionId.ToString() == nomination);

        // Bad input: nothing changes.
        await MeetingsBed.Refused(StatusCode.FailedPrecondition, "item_id", () => bed.Chair.RecordDecisionAsync(
            decide.Clone().With(d => { d.DecisionId = Guid.NewGuid().ToString(); d.ItemId = "not-on-the-agenda"; })).ResponseAsync);
        await MeetingsBed.Refused(StatusCode.InvalidArgument, "new_tier", () => bed.Chair.RecordDecisionAsync(
            decide.Clone().With(d => { d.DecisionId = Guid.NewGuid().ToString(); d.NewTier = 0; })).ResponseAsync);
        await MeetingsBed.Refused(StatusCode.FailedPrecondition, "item_id", () => bed.Chair.RecordDiscussionAsync(
            new RecordDiscussionRequest { MeetingId = meeting, ItemId = "not-on-the-agenda", Summary = "x" }).ResponseAsync);
        var after = await bed.Chair.GetMeetingAsync(new GetMeetingRequest { MeetingId = meeting });
        Assert.Equal(2, after.Decisions.Count);
        Assert.Single(after.Discussions);
        // Only the chair runs the meeting.
        var denied = await Assert.ThrowsAsync<RpcException>(() => bed.As("advocacy", "advocate", "dmm").RecordDecisionAsync(decide).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task Actions_are_assigned_listed_per_owner_and_completed_by_their_owner_only()
    {
        var (meeting, _, item, _) = await MeetingWithAgenda();
        var actionId = Guid.NewGuid().ToString();
        var assign = new AssignActionRequest
        {
            ActionId = actionId, MeetingId = meeting, ItemId = item, Description = "share licence conditions",
            OwnerAgency = "probation", Assignee = "Test Officer 2", DueDate = MeetingsBed.Day(Day.AddDays(3)),
        };

        await MeetingsBed.Refused(StatusCode.InvalidArgument, "owner_agency", () => bed.Chair.AssignActionAsync(assign.Clone().With(a => a.OwnerAgency = "")).ResponseAsync);
        await MeetingsBed.Refused(StatusCode.InvalidArgument, "assignee", () => bed.Chair.AssignActionAsync(assign.Clone().With(a => a.Assignee = "")).ResponseAsync);
        await MeetingsBed.Refused(StatusCode.InvalidArgument, "due_date", () => bed.Chair.AssignActionAsync(assign.Clone().With(a => a.DueDate = "")).ResponseAsync);
        await MeetingsBed.Refused(StatusCode.FailedPrecondition, "item_id", () => bed.Chair.AssignActionAsync(assign.Clone().With(a => a.ItemId = "nope")).ResponseAsync);
        await MeetingsBed.Refused(StatusCode.NotFound, "action_id", () => bed.Chair.CompleteActionAsync(new CompleteActionRequest { ActionId = actionId }).ResponseAsync);

        var assigned = await bed.Chair.AssignActionAsync(assign);
        Assert.Equal(("open", "Test Officer 2", "test-police-meeting-chair"), (assigned.Status, assigned.Assignee, assigned.AssignedBy));
        var probation = bed.As("probation", "probation-officer", "dmm");
        var mine = await probation.ListOpenActionsAsync(new ListOpenActionsRequest { OwnerAgency = "probation", Assignee = "Test Officer 2" });
        Assert.Contains(mine.Actions, a => a.ActionId == actionId);
        var advocacyList = await bed.Chair.ListOpenActionsAsync(new ListOpenActionsRequest { OwnerAgency = "advocacy" });
        Assert.DoesNotContain(advocacyList.Actions, a => a.ActionId == actionId);
        var asAdvocate = await bed.As("advocacy", "advocate", "dmm").ListOpenActionsAsync(new ListOpenActionsRequest());
        Assert.Contains(asAdvocate.Actions, a => a.ActionId == actionId);

        await MeetingsBed.Refused(StatusCode.FailedPrecondition, "action_id", () =>
            bed.As("advocacy", "advocate", "dmm").CompleteActionAsync(new CompleteActionRequest { ActionId = actionId }).ResponseAsync);
        Assert.Contains((await probation.ListOpenActionsAsync(new ListOpenActionsRequest { OwnerAgency = "probation" })).Actions, a => a.ActionId == actionId);
        var completed = await probation.CompleteActionAsync(new CompleteActionRequest { ActionId = actionId });
        Assert.Equal(("completed", "test-probation-probation-officer"), (completed.Status, completed.CompletedBy));
        Assert.DoesNotContain((await probation.ListOpenActionsAsync(new ListOpenActionsRequest { OwnerAgency = "probation" })).Actions, a => a.ActionId == actionId);
    }

    [Fact]
    public async Task Withdrawn_consent_withholds_the_victims_voice_from_every_view()
    {
        var referral = Guid.NewGuid();
        var voice = await bed.Publish(new VictimVoiceSharedV1(referral, "CRIS-W-1", "afraid (synthetic)", "wants to move (synthetic)", DateTimeOffset.UtcNow.AddMinutes(-5)));
        await bed.Arrived("dmm", Day, [voice]);
        var meeting = Guid.NewGuid().ToString();
        await bed.Chair.ScheduleMeetingAsync(new ScheduleMeetingRequest { MeetingId = meeting, Type = "dmm", Date = MeetingsBed.Day(Day), Chair = "Chair Person 1" });
        var before = await bed.Chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = meeting });
        Assert.Contains(before.Items.Single(i => i.ItemId == voice).Contributions, c => c.VictimVoice == "wants to move (synthetic)");

        await bed.Publish(new VictimVoiceWithdrawnV1(referral, DateTimeOffset.UtcNow));
        var withdrawn = await Eventually.TrueAsync(async () =>
        {
            var view = await bed.Chair.GetAgendaViewAsync(new GetAgendaViewRequest { MeetingId = meeting, AttendeeAgency = "police", AttendeeRole = "meeting-chair" });
            return view.Items.Single(i => i.ItemId == voice).Contributions.Any(c => c.WithheldMarker == "[withheld: victim.voice (consent withdrawn)]");
        }, TimeSpan.FromSeconds(30));

        Assert.True(withdrawn, "the withdrawal did not reach the meetings service");
        var after = await bed.Chair.GetAgendaViewAsync(new GetAgendaViewRequest { MeetingId = meeting, AttendeeAgency = "police", AttendeeRole = "meeting-chair" });
        Assert.DoesNotContain("wants to move", after.ToString());
    }

    [Fact]
    public async Task The_agenda_and_minutes_export_per_attendee_as_markdown_and_html()
    {
        var (meeting, agenda, item, _) = await MeetingWithAgenda();
        await bed.Chair.RecordDiscussionAsync(new RecordDiscussionRequest { MeetingId = meeting, ItemId = item, Summary = "intelligence on the suspect (synthetic)" });

        var chairMd = await bed.Chair.ExportAgendaAsync(new ExportRequest { MeetingId = meeting, AttendeeAgency = "police", AttendeeRole = "meeting-chair", Format = "markdown" });
        var advocateHtml = await bed.Chair.ExportMinutesAsync(new ExportRequest { MeetingId = meeting, AttendeeAgency = "advocacy", AttendeeRole = "advocate", Format = "html" });
        var probationMd = await bed.Chair.ExportMinutesAsync(new ExportRequest { MeetingId = meeting, AttendeeAgency = "probation", AttendeeRole = "probation-officer", Format = "markdown" });

        Assert.StartsWith("# Daily management meeting agenda", chairMd.Document);
        Assert.Contains("wants an SPO (synthetic)", chairMd.Document);
        Assert.Equal(agenda.Items.Count, agenda.Items.Count(i => chairMd.Document.Contains($"{i.Position}. ")));
        Assert.StartsWith("<!DOCTYPE html>", advocateHtml.Document);
        Assert.DoesNotContain("intelligence on the suspect", advocateHtml.Document);
        Assert.Contains("[withheld: police.intelligence]", advocateHtml.Document);
        Assert.Contains("intelligence on the suspect (synthetic)", probationMd.Document);
        Assert.Empty(advocateHtml.WithheldFields);
        await MeetingsBed.Refused(StatusCode.InvalidArgument, "format", () => bed.Chair.ExportAgendaAsync(
            new ExportRequest { MeetingId = meeting, AttendeeAgency = "police", AttendeeRole = "meeting-chair", Format = "pdf" }).ResponseAsync);
        // Only the chair exports.
        var denied = await Assert.ThrowsAsync<RpcException>(() => bed.As("advocacy", "advocate", "dmm").ExportAgendaAsync(
            new ExportRequest { MeetingId = meeting, AttendeeAgency = "advocacy", AttendeeRole = "advocate", Format = "html" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }
}

internal static class ProtoExtensions
{
    public static T With<T>(this T message, Action<T> change)
    {
        change(message);
        return message;
    }
}
