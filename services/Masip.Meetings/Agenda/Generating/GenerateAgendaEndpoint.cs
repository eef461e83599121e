using Grpc.Core;
using Masip.Contracts.Meetings;
using Masip.Meetings.Actions;
using Masip.Meetings.Agenda.Generating;
using Masip.Meetings.Agenda.Views;
using Masip.Meetings.Calendar;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Sharing;

namespace Masip.Meetings;

public sealed partial class MeetingsGrpc
{
    /// <summary>Generates the agenda (a new version only when its inputs changed) and answers the chair's own view of it.</summary>
    public override Task<AgendaReply> GenerateAgenda(GenerateAgendaRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.MeetingId, "meeting_id");
        return pipeline.Run(context,
            async scope =>
            {
                var stream = await scope.Existing<Meeting>(id, "meeting_id");
                var inputs = await AgendaInputsQuery.Load(scope.Session, stream.Aggregate!, scope.Cancellation);
                var events = GenerateAgendaDecision.Decide(stream.Aggregate!, inputs, scope.Now);
                stream.AppendMany(events);
                OverdueActions.Alert(context, events);
            },
            async scope =>
            {
                var meeting = await scope.Require<Meeting>(id, "meeting_id");
                return await View(scope.Session, meeting, Viewers.Own(meeting, context.Sharing().Caller), context);
            });
    }
}
