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
/// A reference copy of one SPO event the police published (considered, applied, granted, refused,
/// varied, expired, breached), kept by an agency that manages the person (probation, NHS), keyed
/// by the message id. Each event is a fact of its own that no later message changes: a redelivery
/// stores nothing new (the inbox), and the list orders by the police's own time and position, so
/// the order the messages arrive in does not matter. The orders model (issue 16) replaces this.
/// </summary>
public sealed record SpoEventCopy(
    Guid Id, Guid CaseId, Guid? PerpetratorId, string Kind, string Detail, DateTimeOffset OccurredAt, long? Sequence, DateTimeOffset ReceivedAt);

public static class SpoEventCopies
{
    public static IServiceCollection AddSpoEventCopies(this IServiceCollection services) =>
        services.ConfigureMarten(store => store.Schema.For<SpoEventCopy>().Index(c => c.PerpetratorId));

    /// <summary>The SPO events about one person, oldest first (the police's time, then position, then id), an offset page at a time.</summary>
    public static async Task<SpoEventsReply> List(IQuerySession query, ListSpoEventsRequest request, CancellationToken ct)
    {
        var perpetratorId = Require.Id(request.PerpetratorId, "perpetrator_id");
        var size = Paging.Size(request.Page);
        var offset = Paging.Offset(request.Page);
        var events = query.Query<SpoEventCopy>().Where(c => c.PerpetratorId == perpetratorId);
        var total = await events.CountAsync(ct);
        var page = await events.OrderBy(c => c.OccurredAt).ThenBy(c => c.Sequence).ThenBy(c => c.Id).Skip(offset).Take(size).ToListAsync(ct);
        var reply = new SpoEventsReply { Page = Paging.OffsetInfo(offset, page.Count, total) };
        reply.Events.AddRange(page.Select(c => new SpoEventEntry
        {
            CaseId = c.CaseId.ToString(),
            PerpetratorId = c.PerpetratorId?.ToString() ?? "",
            Kind = c.Kind,
            Detail = c.Detail,
            OccurredAt = Formats.Instant(c.OccurredAt),
            Source = "police",
        }));
        return reply;
    }
}

/// <summary>Keeps a copy of an SPO event about a person (one that names no person is not this agency's to keep).</summary>
public abstract class SpoEventCopyConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger logger)
    : InboxConsumer<SpoEventV1>(pipeline, service, logger)
{
    protected override Task Handle(SpoEventV1 m, CommandScope scope, ConsumeContext<SpoEventV1> context)
    {
        if (m.PerpetratorId is null)
            return Task.CompletedTask;
        var source = context.Source();
        scope.Session.Store(new SpoEventCopy(context.MessageId!.Value, m.CaseId, m.PerpetratorId, m.Kind, m.Detail, m.OccurredAt,
            source == MessageSource.Unknown ? null : source.Sequence, scope.Now));
        Logger.LogInformation("SPO event {Kind} of case {CaseId} kept", m.Kind, m.CaseId);
        return Task.CompletedTask;
    }
}
