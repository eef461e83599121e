using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Orders.Recording;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Orders;

public sealed partial class PoliceOrdersGrpc
{
    public override Task<CaseReply> RecordArrest(RecordArrestRequest request, ServerCallContext context)
    {
        var command = new RecordArrest(Require.Id(request.CaseId, "case_id"), Require.Instant(request.ArrestedAt, "arrested_at"));
        return OnCase(context, command.CaseId, (c, scope) => OrderDecisions.Decide(c, command, scope.Actor, scope.Now));
    }

    public override Task<CaseReply> RecordCourtDate(RecordCourtDateRequest request, ServerCallContext context)
    {
        var command = new RecordCourtDate(Require.Id(request.CaseId, "case_id"), Require.Date(request.HearingOn, "hearing_on"),
            Require.Text(request.Court, "court", 200), Require.OneOf(request.Hearing, "hearing", OrderDecisions.Hearings));
        return OnCase(context, command.CaseId, (c, scope) => OrderDecisions.Decide(c, command, scope.Actor, scope.Now));
    }

    /// <summary>A command on one case that must exist, answered with the case as the caller may see it.</summary>
    private Task<CaseReply> OnCase(ServerCallContext call, Guid caseId, Func<StacCase, CommandScope, IReadOnlyList<object>> decide) =>
        pipeline.Run(call,
            async scope =>
            {
                var stream = await scope.Existing<StacCase>(caseId, "case_id");
                stream.AppendMany(decide(stream.Aggregate!, scope));
            },
            async scope => CaseReplies.ToReply(await scope.Require<StacCase>(caseId, "case_id"), scope.Now, clocks.Value.VictimUpdateCadenceDays));
}
