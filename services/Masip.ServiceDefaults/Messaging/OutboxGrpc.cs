using Grpc.Core;
using Marten;
using Masip.ServiceDefaults.Commands;
using Masip.Contracts.Outbox;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;

namespace Masip.ServiceDefaults.Messaging;

/// <summary>The parked events of this service's outbox, and replaying one once its cause is fixed.</summary>
public sealed class OutboxGrpc(IQuerySession query, CommandPipeline pipeline, OutboxMapper mapper, OutboxPublisher publisher)
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

    /// <summary>
    /// Replays a parked event through the command pipeline, as the operator in the token: the event is
    /// mapped again and published with the same message ids the relay would have used (a receiver that
    /// already has one drops the copy), and the parked record is closed in the same transaction. A
    /// commit that fails after the publish leaves it open, and a second replay publishes the same ids.
    /// </summary>
    public override Task<ParkedMessageReply> ReplayParkedMessage(ReplayParkedMessageRequest request, ServerCallContext context)
    {
        var id = request.ParkedId.Trim();
        var published = 0;
        return pipeline.Run(context,
            async scope =>
            {
                var session = scope.Session;
                var parked = await session.LoadAsync<ParkedMessage>(id, scope.Cancellation) ?? throw NotFound.For<ParkedMessage>("parked_id", id);
                if (!parked.Open)
                    return;
                var @event = (await session.Events.QueryAllRawEvents().Where(e => e.Sequence == parked.Sequence).ToListAsync(scope.Cancellation)).SingleOrDefault()
                    ?? throw new RuleViolationException("parked_id", $"event {parked.EventId} is no longer in the event store");
                IReadOnlyList<OutgoingMessage> messages;
                try
                {
                    messages = await mapper.MessagesOfAsync(@event, session, scope.Cancellation);
                }
                catch (Exception ex)
                {
                    throw new RuleViolationException("parked_id", $"the event still cannot be mapped: {ex.GetType().Name}: {FirstLine(ex.Message)}");
                }
                var failed = await publisher.PublishAsync(messages, scope.Cancellation);
                if (failed.Count > 0)
                    throw new RuleViolationException("parked_id",
                        $"the message still cannot be published: {failed[0].Error.GetType().Name}: {FirstLine(failed[0].Error.Message)}");
                published = messages.Count;
                parked.Open = false;
                parked.ReplayedAt = scope.Now;
                session.Store(parked);
            },
            async scope => ToReply(await scope.Session.LoadAsync<ParkedMessage>(id, scope.Cancellation)
                ?? throw NotFound.For<ParkedMessage>("parked_id", id), published));
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim() is var line && line.Length > 300 ? line[..300] + "..." : line;

    private static ParkedMessageReply ToReply(ParkedMessage p, int published) => new()
    {
        ParkedId = p.Id, EventId = p.EventId.ToString(), Sequence = p.Sequence, EventType = p.EventType, MessageType = p.MessageType ?? "",
        ErrorType = p.ErrorType, Error = FirstLine(p.Error), ParkedAt = Formats.Instant(p.ParkedAt), Status = p.Open ? "parked" : "replayed",
        ReplayedAt = p.ReplayedAt is { } at ? Formats.Instant(at) : "", MessagesPublished = published,
    };
}
