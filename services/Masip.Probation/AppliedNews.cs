using Masip.ServiceDefaults.Messaging;

namespace Masip.Probation;

/// <summary>The publisher's position a consumer stores once it has applied a message (issue 13.3).</summary>
internal static class AppliedNews
{
    /// <summary>
    /// The position to keep after applying news from <paramref name="source"/>: its sequence; or,
    /// for a message that carries none (published by hand, applied as the newest news), the one
    /// kept before, so that it does not shut out everything the publisher sends later.
    /// </summary>
    public static long? After(this MessageSource source, long? applied) =>
        source.Sequence == MessageSource.Unknown.Sequence ? applied : source.Sequence;
}
