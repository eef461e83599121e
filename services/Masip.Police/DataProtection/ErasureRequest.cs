using System.Security.Cryptography;
using System.Text;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.DataProtection;

/// <summary>
/// The police DPO recorded an erasure request; it fans out to the four agencies (SubjectErasureRequestedV1,
/// made from this event by the outbox). <see cref="SubjectKey"/> and <see cref="DateOfBirth"/> are here only for
/// that message: the police's own part erases them from this event once it has answered
/// (<see cref="SubjectErasureRequestedConsumer"/>); <see cref="SubjectHash"/> stays, so the same request made
/// again is still recognised.
/// </summary>
public sealed record SubjectErasureRequestRecorded(Guid RequestId, string SubjectKey, DateOnly? DateOfBirth, string SubjectHash,
    string Reason, string RequestedBy, DateTimeOffset RequestedAt);

/// <summary>One agency's answer arrived: erased (with counts) or refused (with its reason).</summary>
public sealed record ErasurePartReceived(Guid RequestId, string Agency, Guid ErasureId, string State, int Records, int RowsRewritten,
    string Refusal, DateTimeOffset AnsweredAt);

/// <summary>
/// A coordinator's erasure request and the answers collected so far (one per agency). An answer may
/// arrive before the request's own record is visible (the outbox and the four queues promise no order
/// between streams): the stream then starts with the answer and the request joins it.
/// </summary>
public sealed record ErasureRequest
{
    public static readonly IReadOnlyList<string> Agencies = SubjectAccessRequest.Agencies;

    public Guid Id { get; init; }
    public bool Requested { get; init; }
    public string SubjectHash { get; init; } = "";
    public string RequestedBy { get; init; } = "";
    public DateTimeOffset RequestedAt { get; init; }
    public IReadOnlyList<ErasurePartReceived> Parts { get; init; } = [];

    public bool Complete => Requested && Agencies.All(a => Parts.Any(p => p.Agency == a));

    public static ErasureRequest Create(SubjectErasureRequestRecorded e) => new ErasureRequest().Apply(e);

    public static ErasureRequest Create(ErasurePartReceived e) => new ErasureRequest { Id = e.RequestId }.Apply(e);

    public ErasureRequest Apply(SubjectErasureRequestRecorded e) => this with
    {
        Id = e.RequestId, Requested = true, SubjectHash = e.SubjectHash, RequestedBy = e.RequestedBy, RequestedAt = e.RequestedAt,
    };

    public ErasureRequest Apply(ErasurePartReceived e) => this with { Parts = [.. Parts, e] };

    /// <summary>
    /// The subject's fingerprint under this request: a SHA-256 of the request id, the name key and the date of birth,
    /// so a repeat is recognised without keeping the key (salted by the request id: one request's hash matches no other's).
    /// </summary>
    public static string HashOf(Guid requestId, string subjectKey, DateOnly? dateOfBirth) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{requestId:N}|{subjectKey}|{dateOfBirth:yyyy-MM-dd}")));

    /// <summary>The same request again (same id and subject) changes nothing; another subject under the same id is refused.</summary>
    public static IReadOnlyList<object> Decide(ErasureRequest? current, SubjectErasureRequestRecorded command) =>
        current is not { Requested: true } ? [command]
        : current.SubjectHash == command.SubjectHash ? []
        : throw new DuplicateRecordException("request_id", $"request {command.RequestId} was made for another person");

    /// <summary>A redelivered or repeated answer (one per agency) changes nothing.</summary>
    public IReadOnlyList<object> Receive(ErasurePartReceived part) => Parts.Any(p => p.Agency == part.Agency) ? [] : [part];
}
