using System.Globalization;
using System.Text;

namespace Masip.ServiceDefaults.Audit;

/// <summary>One data subject a disclosure was about: ("case", id), ("referral", id), ...</summary>
public sealed record AuditSubject(string Kind, string Id)
{
    public string Key => $"{Kind}:{Id}";
}

/// <summary>
/// One disclosure of personal data (DESIGN.md "Information sharing"): who saw it (sub, agency,
/// role) or which service received it, through which channel and operation, which classes, for
/// which purpose and reason, when, about which subjects. Written in the same transaction as
/// whatever disclosed it, as a stream of its own, so concurrent readers never contend; the
/// sealer then links it into each subject's keyed chain. <see cref="Mac"/> is an HMAC of the
/// entry's content under the audit key, which the database never holds: rewriting an entry
/// needs the key.
/// </summary>
public sealed record DisclosureRecorded(
    Guid EntryId,
    IReadOnlyList<AuditSubject> Subjects,
    string ViewerSub,
    string ViewerAgency,
    string ViewerRole,
    string Recipient,
    string Channel,
    string Operation,
    IReadOnlyList<string> Classes,
    string Purpose,
    DateTimeOffset At,
    string? TraceId,
    string? Reason,
    string Mac)
{
    /// <summary>The entry's content in one canonical form: what the MAC covers.</summary>
    public string Canonical() => string.Join('\u001f',
        EntryId.ToString("N"), string.Join('\u001e', Subjects.Select(s => s.Key)), ViewerSub, ViewerAgency, ViewerRole,
        Recipient, Channel, Operation, string.Join(',', Classes), Purpose,
        At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), TraceId ?? "", Reason ?? "");

    public bool HasValidMac(AuditKey key) => key.Verify(Canonical(), Mac);
}

/// <summary>
/// A subject's chain, one link per disclosure about it in the order the sealer met them:
/// Hash = HMAC(previous link's hash, position, subject, the entry's MAC). A link names the event
/// (by sequence) whose entry it seals.
/// </summary>
public sealed class AuditLink
{
    public string Id { get; set; } = "";
    public string SubjectKey { get; set; } = "";
    public long Position { get; set; }
    public Guid EntryId { get; set; }
    public long Sequence { get; set; }
    public string ViewerSub { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Hash { get; set; } = "";

    public static string IdFor(string subjectKey, long position) => $"{subjectKey}#{position:D12}";

    public static string HashOf(AuditKey key, string previousHash, long position, string subjectKey, string entryMac) =>
        key.Mac(string.Join('\u001f', previousHash, position.ToString(CultureInfo.InvariantCulture), subjectKey, entryMac));
}

/// <summary>
/// The head of a subject's chain: how many links it has, the last one's hash and entry. Its own
/// MAC covers all three, so cutting the newest links (and moving the head back) needs the key.
/// </summary>
public sealed class AuditHead
{
    public const string Genesis = "genesis";

    public string Id { get; set; } = "";
    public long Entries { get; set; }
    public string LastHash { get; set; } = Genesis;
    public Guid LastEntryId { get; set; }
    public string HeadMac { get; set; } = "";

    public static string MacOf(AuditKey key, string subjectKey, long entries, string lastHash, Guid lastEntryId) =>
        key.Mac(string.Join('\u001f', subjectKey, entries.ToString(CultureInfo.InvariantCulture), lastHash, lastEntryId.ToString("N")));
}
