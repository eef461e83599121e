using Grpc.Core;
using Masip.Contracts.Meetings;
using Masip.Meetings.Calendar;
using Masip.Meetings.Calendar.Scheduling;
using Masip.ServiceDefaults.Errors;

namespace Masip.Meetings;

public sealed partial class MeetingsGrpc
{
    public override Task<MeetingReply> ScheduleMeeting(ScheduleMeetingRequest request, ServerCallContext context)
    {
        var command = new ScheduleMeeting(
            Require.Id(request.MeetingId, "meeting_id"),
            Require.OneOf(request.Type, "type", MeetingTypes.All),
            Require.Date(request.Date, "date"),
            Require.OptionalText(request.Chair, "chair"),
            [.. request.Attendees.Select((a, i) => Attendees.Validate(a.Agency, a.Role, a.Person, $"attendees[{i}]"))]);
        return pipeline.OnNewOrExisting<Meeting, MeetingReply>(context, command.MeetingId, "meeting_id",
            (current, scope) => ScheduleMeetingDecision.Decide(current, command, calendar, scope.Actor, scope.Now), ToReply);
    }
}
