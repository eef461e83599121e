using Masip.Meetings.Calendar;
using Masip.ServiceDefaults.Commands;

namespace Masip.Meetings.Agenda.Grouping;

public sealed record SetAgendaGrouping(Guid MeetingId, int GroupThreshold);

public static class SetAgendaGroupingDecision
{
    /// <summary>
    /// The chair decides how many items of one kind the meeting's views show one by one before
    /// grouping them (issue 14.6: 3,000 pending referrals must not bury the agenda). The same
    /// threshold again records nothing.
    /// </summary>
    public static IReadOnlyList<object> Decide(Meeting meeting, SetAgendaGrouping command, Actor actor, DateTimeOffset now) =>
        meeting.GroupThresholdOrDefault == command.GroupThreshold
            ? []
            : [new AgendaGroupingSet(meeting.Id, command.GroupThreshold, actor.Subject, now)];
}
