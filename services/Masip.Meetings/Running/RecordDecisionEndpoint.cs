using Grpc.Core;
using Masip.Contracts.Meetings;
using Masip.Meetings.Calendar;
using Masip.Meetings.Calendar.Scheduling;
using Masip.Meetings.Running;
using Masip.ServiceDefaults.Errors;

namespace Masip.Meetings;

public sealed partial class MeetingsGrpc
{
    public override Task<MeetingReply> RecordDecision(RecordDecisionRequest request, ServerCallContext context)
    {
        var command = new RecordDecision(
            Require.Id(request.MeetingId, "meeting_id"),
            Require.Id(request.DecisionId, "decision_id"),
            Require.Text(request.ItemId, "item_id"),
            Require.OneOf(request.Kind, "kind", DecisionKinds.All),
            Require.OneOf(request.OwnerAgency, "owner_agency", Attendees.Agencies),
            Require.Text(request.Detail, "detail"),
            request.NewTier == 0 ? null : request.NewTier);
        return pipeline.OnStream<Meeting, MeetingReply>(context, command.MeetingId, "meeting_id",
            (meeting, scope) => RunningDecisions.Decide(meeting, command, scope.Actor, scope.Now), ToReply);
    }
}
