using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Masip.ServiceDefaults.Audit;

/// <summary>
/// One disclosure of personal data about one subject: who (sub, agency, role) or which service
/// (recipient), through which channel and operation, which classes, for which purpose, when.
/// Each entry carries the hash of the one before it in the subject's chain.
/// </summary>
public sealed record DisclosureRecorded(
    Guid EntryId,
    string SubjectKind,
    string SubjectId,
    string ViewerSub,
    string ViewerAgency,
    string ViewerRole,
    string Recipient,
    string Channel,
    string Operation,
    string[] Classes,
    string Purpose,
    DateTimeOffset At,
    string? TraceId,
    string PreviousHash,
    string Hash)
{
    public const string Genesis = "genesis";

    /// <summary>The hash of an entry: its content and the previous hash, so an edit anywhere breaks the chain.</summary>
    public static string HashOf(Guid entryId, string subjectKind, string subjectId, string viewerSub, string viewerAgency,
        string viewerRole, string recipient, string channel, string operation, IEnumerable<string> classes, string purpose,
        DateTimeOffset at, string? traceId, string previousHash)
    {
        var canonical = string.Join('\u001f',
            previousHash, entryId.ToString("N"), subjectKind, subjectId, viewerSub, viewerAgency, viewerRole, recipient,
            channel, operation, string.Join(',', classes), purpose,
            at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), traceId ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public string ComputeHash() => HashOf(EntryId, SubjectKind, SubjectId, ViewerSub, ViewerAgency, ViewerRole, Recipient,
        Channel, Operation, Classes, Purpose, At, TraceId, PreviousHash);
}

/// <summary>
/// The head of a subject's audit chain: the hash the next entry must carry, and its version
/// (Entries). Kept inline, so a reply's chain heads are read in one query.
/// </summary>
public sealed record AuditChain(Guid Id, string SubjectKind, string SubjectId, long Entries, string LastHash)
{
    public static AuditChain Create(DisclosureRecorded first) =>
        new(StreamIdFor(first.SubjectKind, first.SubjectId), first.SubjectKind, first.SubjectId, 1, first.Hash);

    public AuditChain Apply(DisclosureRecorded next) => this with { Entries = Entries + 1, LastHash = next.Hash };

    /// <summary>Every subject has one chain; its stream id is derived from the subject, so no index is needed.</summary>
    public static Guid StreamIdFor(string subjectKind, string subjectId)
    {
        var bytes = MD5.HashData(Encoding.UTF8.GetBytes($"masip-audit:{subjectKind}:{subjectId}"));
        return new Guid(bytes);
    }
}
