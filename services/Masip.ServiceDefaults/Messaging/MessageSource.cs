using MassTransit;

namespace Masip.ServiceDefaults.Messaging;

/// <summary>
/// Where a message came from in its publisher's event store: the event's global sequence there
/// (ordered across all of that publisher's streams), its stream and its version in that stream.
/// Redelivery and retries reorder messages; a consumer that keeps state from a publisher's news
/// stores the sequence it last applied and ignores anything older (<see cref="IsNewerThan"/>).
/// </summary>
public sealed record MessageSource(long Sequence, Guid StreamId, long Version)
{
    public const string SequenceHeader = "masip-event-sequence";
    public const string StreamHeader = "masip-stream-id";
    public const string VersionHeader = "masip-stream-version";

    /// <summary>A message that carries no position (published by hand): treated as the newest news.</summary>
    public static readonly MessageSource Unknown = new(long.MaxValue, Guid.Empty, long.MaxValue);

    /// <summary>Is this news newer than what was applied at <paramref name="appliedSequence"/> (null: nothing yet)?</summary>
    public bool IsNewerThan(long? appliedSequence) => appliedSequence is not { } applied || Sequence > applied;

    public static MessageSource Of(ConsumeContext context)
    {
        var sequence = context.Headers.Get<long>(SequenceHeader);
        if (sequence is null)
            return Unknown;
        var stream = context.Headers.Get<string>(StreamHeader) is { } text && Guid.TryParse(text, out var id) ? id : Guid.Empty;
        return new MessageSource(sequence.Value, stream, context.Headers.Get<long>(VersionHeader) ?? 0);
    }
}

public static class MessageSourceExtensions
{
    /// <summary>The publisher's position of this message (<see cref="MessageSource"/>).</summary>
    public static MessageSource Source(this ConsumeContext context) => MessageSource.Of(context);
}
