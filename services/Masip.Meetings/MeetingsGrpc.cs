using Grpc.Core;
using Marten;
using Masip.Contracts.Meetings;
using Masip.Meetings.Actions;
using Masip.Meetings.Actions.Completing;
using Masip.Meetings.Agenda.Candidates;
using Masip.Meetings.Agenda.Views;
using Masip.Meetings.Calendar;
using Masip.Meetings.Calendar.Scheduling;
using Masip.Meetings.Export;
using Masip.Meetings.Running;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Sharing;
using AssignActionCommand = Masip.Meetings.Actions.Assigning.AssignAction;
using MeetingAttendee = Masip.Meetings.Calendar.Attendee;

namespace Masip.Meetings;

public sealed class MeetingsGrpc(MeetingsCommands commands, IQuerySession query, SharingAgreement agreement, MeetingCalendar calendar)
    : Contracts.Meetings.Meetings.MeetingsBase
{
    public override async Task<MeetingReply> ScheduleMeeting(ScheduleMeetingRequest request, ServerCallContext context)
    {
        var command = new ScheduleMeeting(
            Require.Id(request.MeetingId, "meeting_id"),
            Require.OneOf(request.Type, "type", MeetingTypes.All),
            Require.Date(request.Date, "date"),
            Require.Text(request.Chair, "chair", 100),
            [.. request.Attendees.Select((a, i) => Attendees.Validate(a.Agency, a.Role, a.Person, $"attendees[{i}]"))]);
        return ToReply(await commands.Schedule(command, context.CancellationToken));
    }

    public override async Task<MeetingReply> AddAttendee(AddAttendeeRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.MeetingId, "meeting_id");
        var attendee = request.Attendee ?? throw new InvalidFieldException("attendee", "required");
        return ToReply(await commands.AddAttendee(
            new AddAttendee(id, Attendees.Validate(attendee.Agency, attendee.Role, attendee.Person, "attendee")), context.CancellationToken));
    }

    public override async Task<MeetingReply> GetMeeting(GetMeetingRequest request, ServerCallContext context) =>
        ToReply(await Load(Require.Id(request.MeetingId, "meeting_id"), context));

    public override Task<ScheduleReply> GetSchedule(GetScheduleRequest request, ServerCallContext context)
    {
        var type = Require.OneOf(request.Type, "type", MeetingTypes.All);
        var from = Require.Date(request.From, "from");
        var to = Require.Date(request.To, "to");
        if (to < from || to.DayNumber - from.DayNumber > 366)
            throw new InvalidFieldException("to", "must be on or after from, and at most 366 days after it");
        var reply = new ScheduleReply();
        reply.Dates.AddRange(calendar.Dates(type, from, to).Select(Formats.Date));
        return Task.FromResult(reply);
    }

    public override async Task<AgendaReply> GenerateAgenda(GenerateAgendaRequest request, ServerCallContext context)
    {
        var meeting = await commands.GenerateAgenda(Require.Id(request.MeetingId, "meeting_id"), context.CancellationToken);
        return await View(meeting, context.Sharing().Caller.RoleKey, context);
    }

    public override async Task<AgendaReply> GetAgendaView(GetAgendaViewRequest request, ServerCallContext context)
    {
        var meeting = await Load(Require.Id(request.MeetingId, "meeting_id"), context);
        var viewer = AgendaViews.ViewerRole(meeting, request.AttendeeAgency, request.AttendeeRole);
        RequirePurpose(meeting, context);
        return await View(meeting, viewer, context);
    }

    public override async Task<MeetingReply> RecordAttendance(RecordAttendanceRequest request, ServerCallContext context) =>
        ToReply(await commands.RecordAttendance(new RecordAttendance(
            Require.Id(request.MeetingId, "meeting_id"), Require.Text(request.Person, "person", 100), request.Present), context.CancellationToken));

    public override async Task<MeetingReply> RecordDiscussion(RecordDiscussionRequest request, ServerCallContext context) =>
        ToReply(await commands.RecordDiscussion(new RecordDiscussion(
            Require.Id(request.MeetingId, "meeting_id"), Require.Text(request.ItemId, "item_id", 100), Require.Text(request.Summary, "summary")),
            context.CancellationToken));

    public override async Task<MeetingReply> RecordDecision(RecordDecisionRequest request, ServerCallContext context)
    {
        var kind = Require.OneOf(request.Kind, "kind", DecisionKinds.All);
        var command = new RecordDecision(
            Require.Id(request.MeetingId, "meeting_id"),
            Require.Id(request.DecisionId, "decision_id"),
            Require.Text(request.ItemId, "item_id", 100),
            kind,
            Require.OneOf(request.OwnerAgency, "owner_agency", Attendees.Agencies),
            Require.Text(request.Detail, "detail", 500),
            request.NewTier == 0 ? null : request.NewTier,
            context.Sharing().Caller.Subject);
        return ToReply(await commands.RecordDecision(command, context.CancellationToken));
    }

    public override async Task<ActionReply> AssignAction(AssignActionRequest request, ServerCallContext context)
    {
        var command = new AssignActionCommand(
            Require.Id(request.ActionId, "action_id"),
            Require.Id(request.MeetingId, "meeting_id"),
            Require.Text(request.ItemId, "item_id", 100),
            Require.Text(request.Description, "description", 1000),
            Require.OneOf(request.OwnerAgency, "owner_agency", Attendees.Agencies),
            Require.Text(request.OwnerPerson, "owner_person", 100),
            Require.Date(request.DueDate, "due_date"));
        return ToReply(await commands.AssignAction(command, context.CancellationToken));
    }

    public override async Task<ActionReply> CompleteAction(CompleteActionRequest request, ServerCallContext context)
    {
        var caller = context.Sharing().Caller;
        var command = new CompleteAction(Require.Id(request.ActionId, "action_id"), caller.Agency, caller.Subject, caller.RoleKey == "police/meeting-chair");
        return ToReply(await commands.CompleteAction(command, context.CancellationToken));
    }

    public override async Task<ListActionsReply> ListOpenActions(ListOpenActionsRequest request, ServerCallContext context)
    {
        var agency = string.IsNullOrEmpty(request.OwnerAgency) ? null : Require.OneOf(request.OwnerAgency, "owner_agency", Attendees.Agencies);
        var person = Require.OptionalText(request.OwnerPerson, "owner_person", 100);
        var q = query.Query<MeetingAction>().Where(a => a.Open);
        if (agency is not null)
            q = q.Where(a => a.OwnerAgency == agency);
        if (person is not null)
            q = q.Where(a => a.OwnerPerson == person);
        // Griffin actions are police, probation and NHS business only.
        if (context.Sharing().Caller.Agency == "advocacy")
            q = q.Where(a => a.MeetingType != MeetingTypes.Griffin);
        var actions = await q.OrderBy(a => a.DueDate).ThenBy(a => a.Id).Take(500).ToListAsync(context.CancellationToken);
        var reply = new ListActionsReply();
        reply.Actions.AddRange(actions.Select(ToReply));
        return reply;
    }

    public override async Task<ExportReply> ExportAgenda(ExportRequest request, ServerCallContext context)
    {
        var (meeting, view, format) = await ExportView(request, context);
        return new ExportReply { Format = format, Viewer = view.Viewer, Document = MeetingExport.Agenda(view, format) };
    }

    public override async Task<ExportReply> ExportMinutes(ExportRequest request, ServerCallContext context)
    {
        var (meeting, view, format) = await ExportView(request, context);
        var actions = await query.Query<MeetingAction>().Where(a => a.MeetingId == meeting.Id).OrderBy(a => a.DueDate).ThenBy(a => a.Id)
            .ToListAsync(context.CancellationToken);
        return new ExportReply { Format = format, Viewer = view.Viewer, Document = MeetingExport.Minutes(meeting, view, [.. actions], agreement, format) };
    }

    private async Task<(Meeting Meeting, AgendaReply View, string Format)> ExportView(ExportRequest request, ServerCallContext context)
    {
        var meeting = await Load(Require.Id(request.MeetingId, "meeting_id"), context);
        var viewer = AgendaViews.ViewerRole(meeting, request.AttendeeAgency, request.AttendeeRole);
        var format = Require.OneOf(request.Format, "format", MeetingExport.Formats);
        RequirePurpose(meeting, context);
        var withdrawn = await Withdrawn(meeting, context);
        return (meeting, AgendaViews.Render(meeting, viewer, agreement, withdrawn), format);
    }

    private async Task<AgendaReply> View(Meeting meeting, string viewer, ServerCallContext context)
    {
        var view = AgendaViews.Render(meeting, viewer, agreement, await Withdrawn(meeting, context));
        // The only victim voice the view shows is consented and not withdrawn.
        if (AgendaViews.ShowsVictimVoice(view))
            context.Sharing().VictimConsented = true;
        return view;
    }

    private async Task<IReadOnlySet<Guid>> Withdrawn(Meeting meeting, ServerCallContext context)
    {
        var referrals = meeting.Agenda.Where(i => i.VictimConsent && i.ReferralId is not null).Select(i => i.ReferralId!.Value).Distinct().ToList();
        if (referrals.Count == 0)
            return new HashSet<Guid>();
        var withdrawals = await query.LoadManyAsync<VoiceWithdrawal>(context.CancellationToken, referrals);
        return withdrawals.Select(w => w.Id).ToHashSet();
    }

    /// <summary>A view is for the meeting's own purpose: a Griffin view asked for "dmm" would mislead the reader.</summary>
    private static void RequirePurpose(Meeting meeting, ServerCallContext context)
    {
        if (context.Sharing().Purpose != meeting.Type)
            throw new RuleViolationException("purpose", $"a {meeting.Type} meeting is viewed for the purpose '{meeting.Type}' (x-masip-purpose)");
    }

    private async Task<Meeting> Load(Guid id, ServerCallContext context) =>
        await query.LoadAsync<Meeting>(id, context.CancellationToken)
        ?? throw new RecordNotFoundException("meeting_id", $"no meeting {id}");

    private static MeetingReply ToReply(Meeting meeting)
    {
        var reply = new MeetingReply
        {
            MeetingId = meeting.Id.ToString(),
            Type = meeting.Type,
            Date = Formats.Date(meeting.Date),
            Chair = meeting.Chair,
            AgendaVersion = meeting.AgendaVersion,
        };
        reply.Attendees.AddRange(meeting.Attendees.Select(a => new AttendeeReply
        {
            Agency = a.Agency,
            Role = a.Role,
            Person = a.Person,
            Attendance = meeting.Attendance.FirstOrDefault(x => x.Person == a.Person) is { } e ? e.Present ? "present" : "absent" : "expected",
        }));
        reply.Discussions.AddRange(meeting.Discussions.Select(d => new DiscussionReply { ItemId = d.ItemId, Summary = d.Summary }));
        reply.Decisions.AddRange(meeting.Decisions.Select(d => new DecisionReply
        {
            DecisionId = d.DecisionId.ToString(),
            ItemId = d.ItemId,
            Kind = d.Kind,
            OwnerAgency = d.OwnerAgency,
            Detail = d.Detail,
            NewTier = d.NewTier ?? 0,
            DecidedAt = Formats.Instant(d.DecidedAt),
        }));
        return reply;
    }

    private static ActionReply ToReply(MeetingAction action) => new()
    {
        ActionId = action.Id.ToString(),
        MeetingId = action.MeetingId.ToString(),
        ItemId = action.ItemId,
        Description = action.Description,
        OwnerAgency = action.OwnerAgency,
        OwnerPerson = action.OwnerPerson,
        DueDate = Formats.Date(action.DueDate),
        Status = action.Open ? "open" : "completed",
        CompletedAt = action.CompletedAt is { } at ? Formats.Instant(at) : "",
    };
}
