using JasperFx.Events;
using Marten;
using Masip.ServiceDefaults.Errors;

namespace Masip.ServiceDefaults.Commands;

/// <summary>
/// One attempt of one command: its session (one transaction), who acts, the time it decides at.
/// Streams are loaded for writing (the version read is the version expected at commit); a
/// conflict makes the pipeline decide again on fresh state.
/// </summary>
public sealed class CommandScope
{
    internal CommandScope(IDocumentSession session, Actor actor, DateTimeOffset now, CancellationToken cancellation)
    {
        Session = session;
        Actor = actor;
        Now = now;
        Cancellation = cancellation;
    }

    public IDocumentSession Session { get; }
    public Actor Actor { get; }
    public DateTimeOffset Now { get; }
    public CancellationToken Cancellation { get; }

    /// <summary>The stream for writing; its Aggregate is null when the stream does not exist yet.</summary>
    public Task<IEventStream<T>> Stream<T>(Guid id) where T : class => Session.Events.FetchForWriting<T>(id, Cancellation);

    /// <summary>An existing stream for writing, or NotFound naming <paramref name="idField"/>.</summary>
    public async Task<IEventStream<T>> Existing<T>(Guid id, string idField) where T : class
    {
        var stream = await Stream<T>(id);
        return stream.Aggregate is null ? throw NotFound.For<T>(idField, id) : stream;
    }

    /// <summary>A document (read model), or null.</summary>
    public Task<T?> Load<T>(Guid id) where T : notnull => Session.LoadAsync<T>(id, Cancellation);

    /// <summary>A document (read model) that must exist, or NotFound naming <paramref name="idField"/>.</summary>
    public async Task<T> Require<T>(Guid id, string idField) where T : notnull =>
        await Session.LoadAsync<T>(id, Cancellation) ?? throw NotFound.For<T>(idField, id);
}
