using Grpc.Core;
using Marten;
using Masip.Contracts.Meetings;
using Masip.Meetings.Actions;
using Masip.Meetings.Agenda.Views;
using Masip.Meetings.Calendar;
using Masip.Meetings.Export;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Sharing;

namespace Masip.Meetings;

/// <summary>The printable packs: the agenda, and the minutes, for one attendee's view.</summary>
public sealed partial class MeetingsGrpc
{
    public override async Task<ExportReply> ExportAgenda(ExportRequest request, ServerCallContext context)
    {
        var (_, view, format) = await ExportView(request, context);
        return new ExportReply { Format = format, Viewer = view.Viewer, Document = MeetingExport.Agenda(view, format) };
    }

    public override async Task<ExportReply> ExportMinutes(ExportRequest request, ServerCallContext context)
    {
        var (meeting, view, format) = await ExportView(request, context);
        var actions = await query.Query<MeetingAction>().Where(a => a.MeetingId == meeting.Id).OrderBy(a => a.DueOrder)
            .ToListAsync(context.CancellationToken);
        return new ExportReply { Format = format, Viewer = view.Viewer, Document = MeetingExport.Minutes(meeting, view, [.. actions], agreement, format) };
    }

    private async Task<(Meeting Meeting, AgendaReply View, string Format)> ExportView(ExportRequest request, ServerCallContext context)
    {
        var meeting = await Load(Require.Id(request.MeetingId, "meeting_id"), context);
        var viewer = Viewers.Resolve(meeting, context.Sharing().Caller, request.AttendeeAgency, request.AttendeeRole, agreement);
        var format = Require.OneOf(request.Format, "format", MeetingExport.Formats);
        RequirePurpose(meeting, context);
        var withdrawals = await VoiceWithdrawals.Load(query, meeting, context.CancellationToken);
        return (meeting, AgendaViews.Render(meeting, viewer, agreement, withdrawals), format);
    }
}
