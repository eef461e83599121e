using Grpc.Core;
using Masip.Contracts.Meetings;
using Masip.Meetings.Calendar;
using Masip.Meetings.Calendar.Scheduling;
using Masip.ServiceDefaults.Errors;

namespace Masip.Meetings;

public sealed partial class MeetingsGrpc
{
    public override Task<MeetingReply> AddAttendee(AddAttendeeRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.MeetingId, "meeting_id");
        var attendee = request.Attendee ?? throw new InvalidFieldException("attendee", "is required");
        var command = new AddAttendee(id, Attendees.Validate(attendee.Agency, attendee.Role, attendee.Person, "attendee"));
        return pipeline.OnStream<Meeting, MeetingReply>(context, id, "meeting_id",
            (meeting, scope) => AddAttendeeDecision.Decide(meeting, command, scope.Now), ToReply);
    }
}
