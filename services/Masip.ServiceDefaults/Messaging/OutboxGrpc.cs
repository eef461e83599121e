using Grpc.Core;
using Marten;
using Masip.ServiceDefaults.Tenancy;
using Masip.Contracts.Outbox;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;

namespace Masip.ServiceDefaults.Messaging;

/// <summary>The parked events of this service's outbox, and replaying one once its cause is fixed.</summary>
public sealed class OutboxGrpc(IDocumentStore store, IQuerySession query, OutboxMapper mapper, OutboxPublisher publisher, TimeProvider clock)
    : Outbox.OutboxBase
{
    public override async Task<ParkedMessagesReply> ListParkedMessages(ListParkedMessagesRequest request, ServerCallContext context)
    {
        var size = Paging.Size(request.Page);
        var offset = Paging.Offset(request.Page);
        var parked = query.Query<ParkedMessage>().Where(p => request.IncludeReplayed || p.Open);
        var total = await parked.CountAsync(context.CancellationToken);
        var page = await parked.OrderByDescending(p => p.Open).ThenBy(p => p.Sequence).Skip(offset).Take(size).ToListAsync(context.CancellationToken);
        var reply = new ParkedMessagesReply { Page = Paging.OffsetInfo(offset, page.Count, total) };
        reply.Parked.AddRange(page.Select(p => ToReply(p, 0)));
        return reply;
    }

    public override async Task<ParkedMessageReply> ReplayParkedMessage(ReplayParkedMessageRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        await using var session = store.LightweightForForce();
        var parked = await session.LoadAsync<ParkedMessage>(request.ParkedId.Trim(), ct) ?? throw NotFound.For<ParkedMessage>("parked_id", request.ParkedId);
        if (!parked.Open)
            return ToReply(parked, 0);
        var @event = (await session.Events.QueryAllRawEvents().Where(e => e.Sequence == parked.Sequence).ToListAsync(ct)).SingleOrDefault()
            ?? throw new RuleViolationException("parked_id", $"event {parked.EventId} is no longer in the event store");
        IReadOnlyList<OutgoingMessage> messages;
        try
        {
            messages = await mapper.MessagesOfAsync(@event, session, ct);
        }
        catch (Exception ex)
        {
            throw new RuleViolationException("parked_id", $"the event still cannot be mapped: {ex.GetType().Name}: {FirstLine(ex.Message)}");
        }
        var failed = await publisher.PublishAsync(messages, ct);
        if (failed.Count > 0)
            throw new RuleViolationException("parked_id",
                $"the message still cannot be published: {failed[0].Error.GetType().Name}: {FirstLine(failed[0].Error.Message)}");
        parked.Open = false;
        parked.ReplayedAt = clock.GetUtcNow();
        session.Store(parked);
        await session.SaveChangesAsync(ct);
        return ToReply(parked, messages.Count);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim() is var line && line.Length > 300 ? line[..300] + "..." : line;

    private static ParkedMessageReply ToReply(ParkedMessage p, int published) => new()
    {
        ParkedId = p.Id, EventId = p.EventId.ToString(), Sequence = p.Sequence, EventType = p.EventType, MessageType = p.MessageType ?? "",
        ErrorType = p.ErrorType, Error = FirstLine(p.Error), ParkedAt = Formats.Instant(p.ParkedAt), Status = p.Open ? "parked" : "replayed",
        ReplayedAt = p.ReplayedAt is { } at ? Formats.Instant(at) : "", MessagesPublished = published,
    };
}
