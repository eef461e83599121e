using JasperFx.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Masip.ServiceDefaults.Messaging;

/// <summary>Maps one domain event type to the integration message other agencies receive.</summary>
public interface IIntegrationEventMap
{
    Type EventType { get; }

    /// <summary>The message to publish for this event, or null when this one needs none.</summary>
    object? Map(IEvent @event);
}

internal sealed class IntegrationEventMap<TEvent>(Func<TEvent, IEvent, object?> map) : IIntegrationEventMap
    where TEvent : notnull
{
    public Type EventType => typeof(TEvent);

    public object? Map(IEvent @event) => map((TEvent)@event.Data, @event);
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
}
