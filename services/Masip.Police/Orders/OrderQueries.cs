using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Orders.Breaches;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;

namespace Masip.Police.Orders;

/// <summary>One order, and the order list (newest made first), filtered by person, case, kind or status.</summary>
public sealed partial class PoliceOrdersGrpc
{
    public override Task<OrderReply> GetOrder(GetOrderRequest request, ServerCallContext context) =>
        Reply(query, Require.Id(request.OrderId, "order_id"), context.CancellationToken);

    public override async Task<OrdersReply> ListOrders(ListOrdersRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var orders = query.Query<ProtectiveOrder>().AsQueryable();
        if (!string.IsNullOrEmpty(request.PerpetratorId))
        {
            var perpetratorId = Require.Id(request.PerpetratorId, "perpetrator_id");
            orders = orders.Where(o => o.PerpetratorId == perpetratorId);
        }
        if (!string.IsNullOrEmpty(request.CaseId))
        {
            var caseId = Require.Id(request.CaseId, "case_id");
            orders = orders.Where(o => o.CaseId == caseId);
        }
        if (!string.IsNullOrEmpty(request.Kind))
        {
            var kind = Require.OneOf(request.Kind, "kind", OrderKinds.All);
            orders = orders.Where(o => o.Kind == kind);
        }
        if (!string.IsNullOrEmpty(request.Status))
        {
            var status = Require.OneOf(request.Status, "status", OrderKinds.Statuses);
            orders = orders.Where(o => o.Status == status);
        }
        var size = Paging.Size(request.Page);
        var offset = Paging.Offset(request.Page);
        var items = await orders.OrderByDescending(o => o.MadeOn).ThenBy(o => o.Id).Skip(offset).Take(size).ToListAsync(ct);
        var total = await orders.CountAsync(ct);
        var people = (await query.LoadManyAsync<PersonBreaches>(ct, [.. items.Select(o => PersonBreaches.IdFor(o.PerpetratorId)).Distinct()]))
            .ToDictionary(p => p.PerpetratorId);
        var reply = new OrdersReply { Page = Paging.OffsetInfo(offset, items.Count, total) };
        reply.Orders.AddRange(items.Select(o => OrderReplies.ToReply(o, people.GetValueOrDefault(o.PerpetratorId))));
        return reply;
    }
}
