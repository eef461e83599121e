using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Orders.Recording;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Orders;

public sealed partial class PoliceOrdersGrpc
{
    public override Task<CaseReply> RecordCourtDate(RecordCourtDateRequest request, ServerCallContext context)
    {
        var command = new RecordCourtDate(Require.Id(request.CaseId, "case_id"), Require.Date(request.HearingOn, "hearing_on"),
            Require.Text(request.Court, "court", 200), Require.OneOf(request.Hearing, "hearing", OrderDecisions.Hearings));
        return pipeline.Run(context,
            async scope =>
            {
                var stream = await scope.Existing<StacCase>(command.CaseId, "case_id");
                stream.AppendMany(OrderDecisions.Decide(stream.Aggregate!, command, scope.Actor, scope.Now));
            },
            async scope => CaseReplies.ToReply(await scope.Require<StacCase>(command.CaseId, "case_id"), scope.Now, clocks.Value.VictimUpdateCadenceDays));
    }
}
