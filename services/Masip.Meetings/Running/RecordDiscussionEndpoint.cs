using Grpc.Core;
using Masip.Contracts.Meetings;
using Masip.Meetings.Calendar;
using Masip.Meetings.Running;
using Masip.ServiceDefaults.Errors;

namespace Masip.Meetings;

public sealed partial class MeetingsGrpc
{
    public override Task<MeetingReply> RecordDiscussion(RecordDiscussionRequest request, ServerCallContext context)
    {
        var command = new RecordDiscussion(
            Require.Id(request.MeetingId, "meeting_id"), Require.Text(request.ItemId, "item_id"), Require.Text(request.Summary, "summary"));
        return pipeline.OnStream<Meeting, MeetingReply>(context, command.MeetingId, "meeting_id",
            (meeting, scope) => RunningDecisions.Decide(meeting, command, scope.Now), ToReply);
    }
}
