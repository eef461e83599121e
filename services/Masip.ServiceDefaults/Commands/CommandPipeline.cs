using System.Data;
using Google.Protobuf;
using Grpc.Core;
using Marten;
using Marten.Services;
using Masip.ServiceDefaults.Audit;
using Masip.ServiceDefaults.Sharing;
using Masip.ServiceDefaults.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace Masip.ServiceDefaults.Commands;

/// <summary>
/// The one way a command changes state, in every service (DESIGN.md "How a change travels"):
/// open one transaction; load the streams it needs for writing; decide at the clock's now as the
/// actor from the token (or the service, for a message or a scan); append; flush; build the reply
/// from the read models it just updated; pass the reply through the sharing policy and record its
/// disclosure; commit. All or nothing: a command whose audit cannot be written is not saved
/// either, and a saved command is never reported as failed because of its audit. A write
/// conflict rolls back and decides again on fresh state (the "command" resilience pipeline);
/// after its attempts it answers Aborted.
/// </summary>
public sealed class CommandPipeline(
    IDocumentStore store,
    TimeProvider clock,
    ReplyDisclosure replies,
    DisclosureAuditor auditor,
    Forces forces,
    [FromKeyedServices(CommandResilience.Key)] ResiliencePipeline resilience,
    IEnumerable<ICommandGuard> guards)
{
    private readonly ICommandGuard[] _guards = [.. guards];

    /// <summary>The forces this deployment serves (a consumed message names the one it is for).</summary>
    public Forces Forces => forces;

    /// <summary>A gRPC command: the actor is the caller; the reply is filtered and audited in the transaction.</summary>
    public Task<TReply> Run<TReply>(ServerCallContext call, Func<CommandScope, Task> decide, Func<CommandScope, Task<TReply>> reply)
        where TReply : IMessage
    {
        var sharing = call.Sharing();
        return Execute(Actor.From(sharing.Caller), decide, reply, sharing, call.CancellationToken);
    }

    /// <summary>A gRPC command on one stream that must exist: decide from its state, answer from its read model.</summary>
    public Task<TReply> OnStream<TState, TReply>(ServerCallContext call, Guid id, string idField,
        Func<TState, CommandScope, IReadOnlyList<object>> decide, Func<TState, TReply> reply)
        where TState : class where TReply : IMessage =>
        Run(call,
            async scope =>
            {
                var stream = await scope.Existing<TState>(id, idField);
                stream.AppendMany(decide(stream.Aggregate!, scope));
            },
            async scope => reply(await scope.Require<TState>(id, idField)));

    /// <summary>A gRPC command on one stream that may not exist yet (the decider starts it, or refuses).</summary>
    public Task<TReply> OnNewOrExisting<TState, TReply>(ServerCallContext call, Guid id, string idField,
        Func<TState?, CommandScope, IReadOnlyList<object>> decide, Func<TState, TReply> reply)
        where TState : class where TReply : IMessage =>
        Run(call,
            async scope =>
            {
                var stream = await scope.Stream<TState>(id);
                stream.AppendMany(decide(stream.Aggregate, scope));
            },
            async scope => reply(await scope.Require<TState>(id, idField)));

    /// <summary>A command without a caller: a consumed message or a scheduled scan, acting as <paramref name="actor"/>.</summary>
    public Task Run(Actor actor, Func<CommandScope, Task> decide, CancellationToken cancellationToken,
        Action<IDocumentSession>? configure = null) =>
        Execute<object?>(actor, decide, _ => Task.FromResult<object?>(null), null, cancellationToken, configure);

    /// <summary>A command without a caller that answers a value built inside its transaction.</summary>
    public Task<T> Run<T>(Actor actor, Func<CommandScope, Task> decide, Func<CommandScope, Task<T>> answer,
        CancellationToken cancellationToken) =>
        Execute(actor, decide, answer, null, cancellationToken);

    private async Task<TReply> Execute<TReply>(Actor actor, Func<CommandScope, Task> decide, Func<CommandScope, Task<TReply>> answer,
        SharingContext? sharing, CancellationToken cancellationToken, Action<IDocumentSession>? configure = null)
    {
        return await resilience.ExecuteAsync(async token =>
        {
            // The force being served (from the token, the message or the scan): its own database.
            await using var connection = await store.ConnectionForForce(token);
            await connection.OpenAsync(token);
            // Repeatable read: a stream's version and its inline snapshot are read from one snapshot of
            // the database. Read committed lets a writer commit between the two reads, so the decision
            // would start from a snapshot older than the version it appends after (a lost update).
            // A row changed since the snapshot fails with a serialization error: a write conflict.
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, token);
            var options = SessionOptions.ForTransaction(transaction);
            options.TenantId = Forces.Current;
            await using var session = store.LightweightSession(options);
            session.LastModifiedBy = actor.Subject;
            session.SetHeader(Actor.AgencyHeader, actor.Agency);
            session.SetHeader(Actor.RoleHeader, actor.Role);
            configure?.Invoke(session);

            var scope = new CommandScope(session, actor, clock.GetUtcNow(), token);
            await decide(scope);
            foreach (var guard in _guards)
                await guard.Check(session, token);
            await session.SaveChangesAsync(token);
            var reply = await answer(scope);
            if (sharing is not null && reply is IMessage message)
            {
                if (replies.Filter(message, sharing) is { } disclosure)
                {
                    auditor.Append(session, disclosure);
                    await session.SaveChangesAsync(token);
                }
                sharing.ReplyDisclosed = true;
            }
            await transaction.CommitAsync(token);
            return reply;
        }, cancellationToken);
    }
}

/// <summary>
/// A check every command passes after it decided and before it is saved (a restriction of
/// processing refuses what would change a restricted person's records); it throws to refuse.
/// </summary>
public interface ICommandGuard
{
    Task Check(IDocumentSession session, CancellationToken ct);
}
