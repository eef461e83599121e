using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Orders.Recording;
using Masip.Police.Orders.Referring;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Orders;

public sealed partial class PoliceOrdersGrpc
{
    public override Task<OrderReply> RecordOrder(RecordOrderRequest request, ServerCallContext context)
    {
        var command = new RecordOrder(Require.Id(request.CaseId, "case_id"), Require.OneOf(request.Kind, "kind", OrderKinds.Recordable),
            [.. request.ProtectedPersons.Select(p => Require.Text(p, "protected_persons", 200))],
            Terms(request.Prohibitions, "prohibitions"), Terms(request.Requirements, "requirements"),
            Require.Date(request.MadeOn, "made_on"),
            string.IsNullOrWhiteSpace(request.ExpiresOn) ? null : Require.Date(request.ExpiresOn, "expires_on"),
            Require.Text(request.Court, "court", 200));
        var orderId = ProtectiveOrder.IdFor(command.CaseId, command.Kind, command.MadeOn);
        return pipeline.Run(context,
            async scope =>
            {
                var @case = await scope.Existing<StacCase>(command.CaseId, "case_id");
                var order = await scope.Stream<ProtectiveOrder>(orderId);
                var events = OrderDecisions.Decide(order.Aggregate, @case.Aggregate!, command, scope.Actor, scope.Now);
                order.AppendMany(events);
                @case.AppendMany(OrderDecisions.VictimNews(@case.Aggregate!, events, scope.Now));
                OrderMarks.OnThePerpetrator(scope, events);
                await InterventionReferrals.OpenFor(scope, @case.Aggregate!, events, logger);
            },
            scope => Reply(scope.Session, orderId, scope.Cancellation));
    }
}
