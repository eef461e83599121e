using Grpc.Core;
using Masip.Meetings.Agenda;
using Masip.Meetings.Calendar;

namespace Masip.Meetings.Actions;

/// <summary>
/// An open action past its due date returns to the next agenda of its meeting's type
/// (AgendaBuilder); when a new version of an agenda carries it, this service raises an alert in
/// its log, by ids only (issue 18.3). The owning agency's task list marks the same task overdue.
/// </summary>
public static class OverdueActions
{
    public static void Alert(ServerCallContext context, IReadOnlyList<object> events)
    {
        if (events.OfType<AgendaGenerated>().FirstOrDefault() is not { } agenda)
            return;
        var logger = context.GetHttpContext().RequestServices.GetRequiredService<ILogger<MeetingAction>>();
        foreach (var item in agenda.Items.Where(i => i.Type == ItemTypes.ActionOverdue))
            logger.LogWarning("Overdue action alert: {ItemId} is on version {Version} of the agenda of meeting {MeetingId}",
                item.ItemId, agenda.Version, agenda.MeetingId);
    }
}
