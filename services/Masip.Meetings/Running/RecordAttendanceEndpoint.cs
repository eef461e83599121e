using Grpc.Core;
using Masip.Contracts.Meetings;
using Masip.Meetings.Calendar;
using Masip.Meetings.Running;
using Masip.ServiceDefaults.Errors;

namespace Masip.Meetings;

public sealed partial class MeetingsGrpc
{
    public override Task<MeetingReply> RecordAttendance(RecordAttendanceRequest request, ServerCallContext context)
    {
        var command = new RecordAttendance(Require.Id(request.MeetingId, "meeting_id"), Require.Text(request.Person, "person"), request.Present);
        return pipeline.OnStream<Meeting, MeetingReply>(context, command.MeetingId, "meeting_id",
            (meeting, scope) => RunningDecisions.Decide(meeting, command, scope.Now), ToReply);
    }
}
