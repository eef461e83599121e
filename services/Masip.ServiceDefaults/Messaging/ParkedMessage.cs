namespace Masip.ServiceDefaults.Messaging;

/// <summary>
/// An event the outbox could not turn into a message (its map threw, it fails the sharing check,
/// or its message cannot be serialised). Parked with the error instead of stopping every later
/// message; listed and replayed with `masip outbox` once the cause is fixed.
/// </summary>
public sealed class ParkedMessage
{
    public string Id { get; set; } = "";
    public Guid EventId { get; set; }
    public long Sequence { get; set; }
    public Guid StreamId { get; set; }
    public string EventType { get; set; } = "";
    public string? MessageType { get; set; }
    public string ErrorType { get; set; } = "";
    public string Error { get; set; } = "";
    public DateTimeOffset ParkedAt { get; set; }
    public int Attempts { get; set; } = 1;
    public DateTimeOffset? ReplayedAt { get; set; }
    public bool Open { get; set; } = true;

    public static string IdFor(Guid eventId) => eventId.ToString("N");
}
