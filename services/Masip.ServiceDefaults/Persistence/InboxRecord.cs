namespace Masip.ServiceDefaults.Persistence;

/// <summary>
/// One consumed integration message, stored in the same transaction as the events it caused,
/// so a redelivered message changes nothing (DESIGN.md "How a change travels", step 2).
/// </summary>
public sealed record InboxRecord(string Id, string MessageType, Guid MessageId, DateTimeOffset ConsumedAt)
{
    /// <summary>Keyed by consumer as well: two consumers in one service may take the same message.</summary>
    public static string KeyFor(string consumer, Guid messageId) => $"{consumer}:{messageId:N}";
}
