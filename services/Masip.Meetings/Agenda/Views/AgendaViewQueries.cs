using System.Globalization;
using Grpc.Core;
using Masip.Contracts.Meetings;
using Masip.Meetings.Agenda;
using Masip.Meetings.Agenda.Views;
using Masip.Meetings.Calendar;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;
using Masip.ServiceDefaults.Sharing;

namespace Masip.Meetings;

/// <summary>An attendee's view of the agenda, and the items of one kind the view groups.</summary>
public sealed partial class MeetingsGrpc
{
    public override async Task<AgendaReply> GetAgendaView(GetAgendaViewRequest request, ServerCallContext context)
    {
        var meeting = await Load(Require.Id(request.MeetingId, "meeting_id"), context);
        var viewer = Viewers.Resolve(meeting, context.Sharing().Caller, request.AttendeeAgency, request.AttendeeRole, agreement);
        RequirePurpose(meeting, context);
        return await View(query, meeting, viewer, context);
    }

    /// <summary>
    /// A page of one kind's items in the caller's view, in agenda order. The page token is the
    /// agenda version and the position the previous page ended at: a new version of the agenda
    /// (positions move) asks the reader to start again rather than skip or repeat items.
    /// </summary>
    public override async Task<AgendaGroupReply> ListAgendaGroup(ListAgendaGroupRequest request, ServerCallContext context)
    {
        var meeting = await Load(Require.Id(request.MeetingId, "meeting_id"), context);
        var type = Require.OneOf(request.Type, "type", ItemTypes.All);
        var viewer = Viewers.Resolve(meeting, context.Sharing().Caller, request.AttendeeAgency, request.AttendeeRole, agreement);
        RequirePurpose(meeting, context);
        var size = Paging.Size(request.Page);
        var after = 0;
        if (Paging.After(request.Page) is { } token)
        {
            var parts = token.Split(':');
            if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var version)
                || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out after))
                throw new InvalidFieldException("page.page_token", "is not a token this service gave");
            if (version != meeting.AgendaVersion)
                throw new RuleViolationException("page.page_token",
                    $"the agenda is now version {meeting.AgendaVersion} (the token was for version {version}); list again from the first page");
        }
        var withdrawals = await VoiceWithdrawals.Load(query, meeting, context.CancellationToken);
        var (reply, total, nextAfter) = AgendaViews.RenderGroup(meeting, viewer, agreement, withdrawals, type, after, size);
        reply.Page = Paging.Info(nextAfter is { } next ? $"{meeting.AgendaVersion}:{next}" : null, total);
        if (AgendaViews.ShowsVictimVoice(reply.Items))
            context.Sharing().VictimConsented = true;
        return reply;
    }
}
