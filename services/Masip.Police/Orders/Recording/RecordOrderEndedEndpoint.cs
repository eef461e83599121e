using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Orders.Recording;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Orders;

public sealed partial class PoliceOrdersGrpc
{
    public override Task<OrderReply> RecordOrderEnded(RecordOrderEndedRequest request, ServerCallContext context)
    {
        var command = new RecordOrderEnded(Require.Id(request.OrderId, "order_id"), Require.OneOf(request.Status, "status", OrderKinds.Endings),
            Require.Date(request.EndedOn, "ended_on"), Require.Text(request.Reason, "reason"));
        return OnOrder(context, command.OrderId, (order, scope) =>
        {
            order.AppendMany(OrderDecisions.Decide(order.Aggregate!, command, scope.Actor, scope.Now));
            return Task.CompletedTask;
        });
    }
}
