using Grpc.Core;
using Masip.Contracts.Meetings;
using Masip.Meetings.Actions;
using Masip.Meetings.Actions.Assigning;
using Masip.Meetings.Calendar;
using Masip.Meetings.Calendar.Scheduling;
using Masip.ServiceDefaults.Errors;

namespace Masip.Meetings;

public sealed partial class MeetingsGrpc
{
    public override Task<ActionReply> AssignAction(AssignActionRequest request, ServerCallContext context)
    {
        var command = new AssignAction(
            Require.Id(request.ActionId, "action_id"),
            Require.Id(request.MeetingId, "meeting_id"),
            Require.Text(request.ItemId, "item_id"),
            Require.Text(request.Description, "description"),
            Require.OneOf(request.OwnerAgency, "owner_agency", Attendees.Agencies),
            Require.Text(request.Assignee, "assignee"),
            Require.Date(request.DueDate, "due_date"));
        return pipeline.Run(context,
            async scope =>
            {
                var meeting = await scope.Load<Meeting>(command.MeetingId);
                var stream = await scope.Stream<MeetingAction>(command.ActionId);
                stream.AppendMany(AssignActionDecision.Decide(stream.Aggregate, meeting, command, scope.Actor, scope.Now));
            },
            async scope => ToReply(await scope.Require<MeetingAction>(command.ActionId, "action_id")));
    }
}
