using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.Contracts.Work;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;
using Masip.ServiceDefaults.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Masip.ServiceDefaults.Work;

/// <summary>
/// A copy of one protective order the police hold (OrderChangedV1), kept by an agency that manages
/// the restrained person (probation, NHS), keyed by the order id. Every message carries the order's
/// whole state after one of its events, so the copy is the newest by the police's sequence
/// (<see cref="Sequence"/>): an older message delivered late changes nothing, a redelivered one is
/// dropped by the inbox. Kept for every perpetrator the police name, managed here yet or not, so a
/// later referral or registration of the person finds their orders.
/// </summary>
public sealed record OrderCopy(
    Guid Id, Guid CaseId, string CrimeReference, Guid PerpetratorId, string Kind, string? Stage, string Status,
    IReadOnlyList<string> Prohibitions, IReadOnlyList<string> Requirements, DateOnly MadeOn, DateOnly? ExpiresOn, DateOnly? EndedOn,
    string Court, int BreachCount, string LastChange, DateTimeOffset ChangedAt, long? Sequence, DateTimeOffset ReceivedAt);

public static class OrderCopies
{
    public static IServiceCollection AddOrderCopies(this IServiceCollection services) =>
        services.ConfigureMarten(store => store.Schema.For<OrderCopy>().Index(c => c.PerpetratorId).UseOptimisticConcurrency(true));

    /// <summary>The orders restraining one person, newest made first, then by order id, an offset page at a time.</summary>
    public static async Task<OrderCopiesReply> List(IQuerySession query, ListOrderCopiesRequest request, CancellationToken ct)
    {
        var perpetratorId = Require.Id(request.PerpetratorId, "perpetrator_id");
        var size = Paging.Size(request.Page);
        var offset = Paging.Offset(request.Page);
        var orders = query.Query<OrderCopy>().Where(c => c.PerpetratorId == perpetratorId);
        var total = await orders.CountAsync(ct);
        var page = await orders.OrderByDescending(c => c.MadeOn).ThenBy(c => c.Id).Skip(offset).Take(size).ToListAsync(ct);
        var reply = new OrderCopiesReply { Page = Paging.OffsetInfo(offset, page.Count, total) };
        reply.Orders.AddRange(page.Select(ToReply));
        return reply;
    }

    public static OrderCopy From(OrderChangedV1 m, long? sequence, DateTimeOffset now) => new(
        m.OrderId, m.CaseId, m.CrimeReference, m.PerpetratorId, m.Kind, m.Stage, m.Status, m.Prohibitions, m.Requirements, m.MadeOn,
        m.ExpiresOn, m.EndedOn, m.Court, m.BreachCount, m.Change, m.ChangedAt, sequence, now);

    private static Contracts.Work.OrderCopy ToReply(OrderCopy c)
    {
        var reply = new Contracts.Work.OrderCopy
        {
            OrderId = c.Id.ToString(),
            CaseId = c.CaseId.ToString(),
            CrimeReference = c.CrimeReference,
            PerpetratorId = c.PerpetratorId.ToString(),
            Kind = c.Kind,
            Stage = c.Stage ?? "",
            Status = c.Status,
            MadeOn = Formats.Date(c.MadeOn),
            ExpiresOn = c.ExpiresOn is { } expires ? Formats.Date(expires) : "",
            EndedOn = c.EndedOn is { } ended ? Formats.Date(ended) : "",
            Court = c.Court,
            BreachCount = c.BreachCount,
            LastChange = c.LastChange,
            ChangedAt = Formats.Instant(c.ChangedAt),
            Source = "police",
        };
        reply.Prohibitions.AddRange(c.Prohibitions);
        reply.Requirements.AddRange(c.Requirements);
        return reply;
    }
}

/// <summary>
/// Keeps the newest state of an order the police published. Two messages about one order consumed
/// at once: the insert race fails on the id (the message is redelivered), the update race on the
/// version (the pipeline decides again); either way the retry compares sequences again.
/// </summary>
public abstract class OrderCopyConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger logger)
    : InboxConsumer<OrderChangedV1>(pipeline, service, logger)
{
    protected override async Task Handle(OrderChangedV1 m, CommandScope scope, ConsumeContext<OrderChangedV1> context)
    {
        var source = context.Source();
        var held = await scope.Load<OrderCopy>(m.OrderId);
        if (!source.IsNewerThan(held?.Sequence))
        {
            Logger.LogInformation("Order {OrderId} {Change} ignored: older than the copy held", m.OrderId, m.Change);
            return;
        }
        var copy = OrderCopies.From(m, source == MessageSource.Unknown ? held?.Sequence : source.Sequence, scope.Now);
        if (held is null)
            scope.Session.Insert(copy);
        else
            scope.Session.Update(copy);
        Logger.LogInformation("Order {OrderId} of perpetrator {PerpetratorId} kept ({Change})", m.OrderId, m.PerpetratorId, m.Change);
    }
}
