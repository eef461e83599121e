using Grpc.Core;
using Masip.Contracts.Meetings;
using Masip.Meetings.Agenda.Grouping;
using Masip.Meetings.Calendar;
using Masip.ServiceDefaults.Errors;

namespace Masip.Meetings;

public sealed partial class MeetingsGrpc
{
    public override Task<MeetingReply> SetAgendaGrouping(SetAgendaGroupingRequest request, ServerCallContext context)
    {
        // The range (1..1000) is the contract's bound, checked before this runs.
        var command = new SetAgendaGrouping(Require.Id(request.MeetingId, "meeting_id"), request.GroupThreshold);
        return pipeline.OnStream<Meeting, MeetingReply>(context, command.MeetingId, "meeting_id",
            (meeting, scope) => SetAgendaGroupingDecision.Decide(meeting, command, scope.Actor, scope.Now), ToReply);
    }
}
