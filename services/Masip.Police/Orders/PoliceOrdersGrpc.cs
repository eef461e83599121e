using Grpc.Core;
using JasperFx.Events;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Clocks;
using Masip.Police.Orders.Breaches;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Microsoft.Extensions.Options;

namespace Masip.Police.Orders;

/// <summary>Protective orders (PoliceOrders): each rpc lives beside its use case in Recording/ and Breaches/; every command goes through the pipeline.</summary>
public sealed partial class PoliceOrdersGrpc(CommandPipeline pipeline, IQuerySession query, IOptions<ClockOptions> clocks, ILogger<PoliceOrdersGrpc> logger) : PoliceOrders.PoliceOrdersBase
{
    /// <summary>A command on one order that must exist, decided as the caller, answered from the order it changed.</summary>
    private Task<OrderReply> OnOrder(ServerCallContext call, Guid orderId, Func<IEventStream<ProtectiveOrder>, CommandScope, Task> decide) =>
        pipeline.Run(call,
            async scope => await decide(await scope.Existing<ProtectiveOrder>(orderId, "order_id"), scope),
            scope => Reply(scope.Session, orderId, scope.Cancellation));

    private static async Task<OrderReply> Reply(IQuerySession session, Guid orderId, CancellationToken ct)
    {
        var order = await session.LoadAsync<ProtectiveOrder>(orderId, ct) ?? throw NotFound.For<ProtectiveOrder>("order_id", orderId);
        return OrderReplies.ToReply(order, await session.LoadAsync<PersonBreaches>(PersonBreaches.IdFor(order.PerpetratorId), ct));
    }

    private static List<string> Terms(IEnumerable<string> values, string field) => [.. values.Select(v => Require.Text(v, field, 500))];
}

/// <summary>Maps an order (and the restrained person's breach count) to the wire.</summary>
public static class OrderReplies
{
    public static OrderReply ToReply(ProtectiveOrder o, PersonBreaches? person)
    {
        var reply = new OrderReply
        {
            OrderId = o.Id.ToString(),
            CaseId = o.CaseId.ToString(),
            CrimeReference = o.CrimeReference,
            PerpetratorId = o.PerpetratorId.ToString(),
            RestrainedPerson = o.RestrainedPerson,
            Kind = o.Kind,
            Stage = o.Stage ?? "",
            Status = o.Status,
            MadeOn = Formats.Date(o.MadeOn),
            ExpiresOn = o.ExpiresOn is { } e ? Formats.Date(e) : "",
            Court = o.Court,
        };
        reply.ProtectedPersons.AddRange(o.ProtectedPersons);
        reply.Prohibitions.AddRange(o.Prohibitions);
        reply.Requirements.AddRange(o.Requirements);
        reply.Breaches.AddRange(o.Breaches.Select(b => new OrderBreach
        {
            BreachId = b.BreachId.ToString(),
            BreachedOn = Formats.Date(b.BreachedOn),
            Details = b.Details,
            Source = b.Source,
            CrimeReference = b.CrimeReference ?? "",
            ReportedAt = Formats.Instant(b.ReportedAt),
            ResponseDueAt = Formats.Instant(ClockRules.BreachResponseClock(b.ReportedAt, b.ReportedAt).DueAt),
            RespondedAt = b.RespondedAt is { } r ? Formats.Instant(r) : "",
        }));
        if (person?.Review is { } review)
        {
            var view = new SeparateOffenceReview { PromptedAt = Formats.Instant(review.PromptedAt), CaseId = review.CaseId.ToString() };
            view.Breaches.AddRange(review.Breaches.Select(b => new Contracts.Police.CountedBreach
            {
                OrderId = b.OrderId.ToString(), OrderKind = b.OrderKind, BreachId = b.BreachId.ToString(), BreachedOn = Formats.Date(b.BreachedOn),
            }));
            reply.SeparateOffenceReview = view;
        }
        return reply;
    }
}
