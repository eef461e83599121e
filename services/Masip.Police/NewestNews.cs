using Marten;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Police;

/// <summary>
/// What a consumer keeps from a partner's news about one subject (a perpetrator, a case): the
/// newest by the publisher's position stands. Redelivery and retries reorder messages, so each
/// such document stores the publisher's sequence it last applied and older news is ignored.
/// </summary>
internal static class NewestNews
{
    /// <summary>The sequence to store after applying <paramref name="source"/>: a message without a position (published by hand) keeps the last one.</summary>
    public static long? Applied(MessageSource source, long? previous) => source == MessageSource.Unknown ? previous : source.Sequence;

    /// <summary>
    /// Inserts or updates under optimistic concurrency. Two messages about one subject consumed at
    /// once: an insert race fails on the document's id and the message is redelivered; an update
    /// race fails on the version and the command pipeline decides again. Either way the retry
    /// compares positions again, so the newest stands.
    /// </summary>
    public static void Keep<T>(IDocumentSession session, T? current, T next) where T : class
    {
        if (current is null)
            session.Insert(next);
        else
            session.Update(next);
    }
}
