using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Orders.Breaches;
using Masip.Police.Orders.Recording;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Orders;

public sealed partial class PoliceOrdersGrpc
{
    public override Task<OrderReply> RecordOrderBreach(RecordOrderBreachRequest request, ServerCallContext context)
    {
        var command = new RecordOrderBreach(Require.Id(request.OrderId, "order_id"), Require.Date(request.BreachedOn, "breached_on"),
            Require.Text(request.Details, "details"), Require.OptionalText(request.CrimeReference, "crime_reference", 64));
        return OnOrder(context, command.OrderId, (order, scope) =>
            BreachRecording.Record(scope, order, command, BreachRecording.OfficerBreachId(order.Aggregate!), BreachSources.Officer));
    }

    public override Task<OrderReply> RespondToBreach(RespondToBreachRequest request, ServerCallContext context)
    {
        var command = new RespondToBreach(Require.Id(request.OrderId, "order_id"), Require.Id(request.BreachId, "breach_id"),
            Require.Text(request.Response, "response"));
        return OnOrder(context, command.OrderId, (order, scope) =>
        {
            order.AppendMany(OrderDecisions.Decide(order.Aggregate!, command, scope.Actor, scope.Now));
            return Task.CompletedTask;
        });
    }
}
