using Grpc.Core;
using Marten;
using Masip.Contracts.Meetings;
using Masip.Meetings.Actions;
using Masip.Meetings.Agenda.Views;
using Masip.Meetings.Calendar;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Sharing;

namespace Masip.Meetings;

/// <summary>
/// The meetings gRPC service. Each command's rpc lives beside its use case
/// (Calendar/Scheduling, Agenda/Generating, Agenda/Grouping, Running, Actions/Assigning,
/// Actions/Completing) and runs through the command pipeline; the queries sit with what they
/// read (Calendar, Agenda/Views, Actions, Export). This file keeps what they share: the meeting
/// load, the agenda view and the reply mappers.
/// </summary>
public sealed partial class MeetingsGrpc(CommandPipeline pipeline, IQuerySession query, SharingAgreement agreement, MeetingCalendar calendar)
    : Contracts.Meetings.Meetings.MeetingsBase
{
    private async Task<Meeting> Load(Guid id, ServerCallContext context) =>
        await query.LoadAsync<Meeting>(id, context.CancellationToken) ?? throw NotFound.For<Meeting>("meeting_id", id);

    /// <summary>A view is for the meeting's own purpose: a Griffin view asked for "dmm" would mislead the reader.</summary>
    private static void RequirePurpose(Meeting meeting, ServerCallContext context)
    {
        if (context.Sharing().Purpose != meeting.Type)
            throw new RuleViolationException("purpose", $"a {meeting.Type} meeting is viewed for the purpose '{meeting.Type}' (x-masip-purpose)");
    }

    /// <summary>The agenda as <paramref name="viewer"/> sees it; a view showing consented victim voice says so to the reply filter.</summary>
    private async Task<AgendaReply> View(IQuerySession session, Meeting meeting, string viewer, ServerCallContext context)
    {
        var view = AgendaViews.Render(meeting, viewer, agreement, await VoiceWithdrawals.Load(session, meeting, context.CancellationToken));
        // The only victim voice the view shows is consented and not withdrawn.
        if (AgendaViews.ShowsVictimVoice(view.Items))
            context.Sharing().VictimConsented = true;
        return view;
    }

    private static MeetingReply ToReply(Meeting meeting)
    {
        var reply = new MeetingReply
        {
            MeetingId = meeting.Id.ToString(),
            Type = meeting.Type,
            Date = Formats.Date(meeting.Date),
            Chair = meeting.Chair,
            AgendaVersion = meeting.AgendaVersion,
            GroupThreshold = meeting.GroupThresholdOrDefault,
            ScheduledBy = meeting.ScheduledBy ?? "",
        };
        reply.Attendees.AddRange(meeting.Attendees.Select(a => new AttendeeReply
        {
            Agency = a.Agency,
            Role = a.Role,
            Person = a.Person,
            Attendance = meeting.Attendance.FirstOrDefault(x => x.Person == a.Person) is { } e ? e.Present ? "present" : "absent" : "expected",
        }));
        reply.Discussions.AddRange(meeting.Discussions.Select(d => new DiscussionReply { ItemId = d.ItemId, Summary = d.Summary }));
        var griffin = meeting.Type == MeetingTypes.Griffin;
        reply.Decisions.AddRange(meeting.Decisions.Select(d => new DecisionReply
        {
            DecisionId = d.DecisionId.ToString(),
            ItemId = d.ItemId,
            Kind = d.Kind,
            OwnerAgency = d.OwnerAgency,
            Detail = griffin ? "" : d.Detail,
            GriffinDetail = griffin ? d.Detail : "",
            NewTier = d.NewTier ?? 0,
            DecidedAt = Formats.Instant(d.DecidedAt),
            DecidedBy = d.DecidedBy ?? "",
        }));
        return reply;
    }

    private static ActionReply ToReply(MeetingAction action) => new()
    {
        ActionId = action.Id.ToString(),
        MeetingId = action.MeetingId.ToString(),
        ItemId = action.ItemId,
        Description = action.MeetingType == MeetingTypes.Griffin ? "" : action.Description,
        GriffinDescription = action.MeetingType == MeetingTypes.Griffin ? action.Description : "",
        OwnerAgency = action.OwnerAgency,
        Assignee = action.Assignee,
        DueDate = Formats.Date(action.DueDate),
        Status = action.Open ? "open" : "completed",
        CompletedAt = action.CompletedAt is { } at ? Formats.Instant(at) : "",
        AssignedBy = action.AssignedBy ?? "",
        CompletedBy = action.CompletedBy ?? "",
    };
}
