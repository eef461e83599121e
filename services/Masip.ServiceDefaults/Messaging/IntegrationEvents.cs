using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Masip.ServiceDefaults.Messaging;

/// <summary>Maps one domain event type to the integration message other agencies receive.</summary>
public interface IIntegrationEventMap
{
    Type EventType { get; }

    /// <summary>The message to publish for this event, or null when this one needs none.</summary>
    object? Map(IEvent @event);

    /// <summary>As <see cref="Map"/>, for a map that reads the publisher's own event store (the relay and the replay call this).</summary>
    Task<object?> MapAsync(IEvent @event, IQuerySession query, CancellationToken ct) => Task.FromResult(Map(@event));
}

internal sealed class IntegrationEventMap<TEvent>(Func<TEvent, IEvent, object?> map) : IIntegrationEventMap
    where TEvent : notnull
{
    public Type EventType => typeof(TEvent);

    public object? Map(IEvent @event) => map((TEvent)@event.Data, @event);
}

/// <summary>
/// A map from an event and its stream's state as of that event (the stream aggregated up to the
/// event's version): the message carries the record's whole state at that point, so a receiver
/// keeps the newest by the publisher's sequence and never has to put the changes together itself.
/// </summary>
internal sealed class StatefulIntegrationEventMap<TEvent, TState>(Func<TEvent, TState, IEvent, object?> map) : IIntegrationEventMap
    where TEvent : notnull where TState : class
{
    public Type EventType => typeof(TEvent);

    public object? Map(IEvent @event) =>
        throw new InvalidOperationException($"{typeof(TEvent).Name} is mapped from its stream's state: use MapAsync with the event store");

    public async Task<object?> MapAsync(IEvent @event, IQuerySession query, CancellationToken ct)
    {
        var state = await query.Events.AggregateStreamAsync<TState>(@event.StreamId, @event.Version, token: ct)
            ?? throw new InvalidOperationException($"stream {@event.StreamId} has no {typeof(TState).Name} at version {@event.Version}");
        return map((TEvent)@event.Data, state, @event);
    }
}

public static class IntegrationEventRegistration
{
    /// <summary>
    /// Declares that <typeparamref name="TEvent"/>, once committed, is published as the message
    /// <paramref name="map"/> makes. The outbox relay does the publishing; a handler never does.
    /// </summary>
    public static IServiceCollection PublishIntegrationEvent<TEvent>(
        this IServiceCollection services, Func<TEvent, IEvent, object?> map) where TEvent : notnull =>
        services.AddSingleton<IIntegrationEventMap>(new IntegrationEventMap<TEvent>(map));

    public static IServiceCollection PublishIntegrationEvent<TEvent>(
        this IServiceCollection services, Func<TEvent, object?> map) where TEvent : notnull =>
        services.PublishIntegrationEvent<TEvent>((e, _) => map(e));

    /// <summary>
    /// Declares that <typeparamref name="TEvent"/> is published as the message <paramref name="map"/> makes from the event and
    /// its stream's <typeparamref name="TState"/> as of that event (not the state when the relay gets to it).
    /// </summary>
    public static IServiceCollection PublishIntegrationEvent<TEvent, TState>(
        this IServiceCollection services, Func<TEvent, TState, IEvent, object?> map) where TEvent : notnull where TState : class =>
        services.AddSingleton<IIntegrationEventMap>(new StatefulIntegrationEventMap<TEvent, TState>(map));
}
