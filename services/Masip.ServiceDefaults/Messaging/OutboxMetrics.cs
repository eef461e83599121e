using System.Diagnostics.Metrics;

namespace Masip.ServiceDefaults.Messaging;

/// <summary>The outbox's numbers (meter "Masip.Outbox"): messages published and parked, and the relay's lag.</summary>
public sealed class OutboxMetrics : IDisposable
{
    public const string MeterName = "Masip.Outbox";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _published;
    private readonly Counter<long> _parked;
    private long _lagEvents;
    private double _lagSeconds;

    public OutboxMetrics()
    {
        _published = _meter.CreateCounter<long>("masip.outbox.published", unit: "{message}", description: "messages confirmed by RabbitMQ");
        _parked = _meter.CreateCounter<long>("masip.outbox.parked", unit: "{event}", description: "events parked with an error");
        _meter.CreateObservableGauge("masip.outbox.lag.events", () => Interlocked.Read(ref _lagEvents), unit: "{event}",
            description: "events committed but not yet relayed");
        _meter.CreateObservableGauge("masip.outbox.lag.seconds", () => Volatile.Read(ref _lagSeconds), unit: "s",
            description: "age of the oldest event not yet relayed");
    }

    public void Published(Type messageType) => _published.Add(1, new KeyValuePair<string, object?>("message", messageType.Name));

    public void Parked(string eventType) => _parked.Add(1, new KeyValuePair<string, object?>("event", eventType));

    public void Lag(long events, double seconds)
    {
        Interlocked.Exchange(ref _lagEvents, events);
        Volatile.Write(ref _lagSeconds, seconds);
    }

    public void Dispose() => _meter.Dispose();
}
