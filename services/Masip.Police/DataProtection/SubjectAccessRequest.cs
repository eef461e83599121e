using Masip.ServiceDefaults.Errors;

namespace Masip.Police.DataProtection;

/// <summary>The police DPO recorded a subject-access request; it fans out to the four agencies (SubjectAccessRequestedV1).</summary>
public sealed record SubjectAccessRequested(Guid RequestId, string Name, DateOnly? DateOfBirth, string RequestedBy, DateTimeOffset RequestedAt);

/// <summary>One agency's part arrived (its export stays with it; this records its id, counts and hash).</summary>
public sealed record SubjectAccessPartReceived(Guid RequestId, string Agency, Guid ExportId, int Records, int Disclosures, int WithheldValues,
    string Sha256, DateTimeOffset PreparedAt);

/// <summary>A coordinator's subject-access request and the parts collected so far (one per agency).</summary>
public sealed record SubjectAccessRequest
{
    /// <summary>The agencies that prepare a part (DESIGN.md: the four parties; meetings holds only what they sent it).</summary>
    public static readonly IReadOnlyList<string> Agencies = ["advocacy", "nhs", "police", "probation"];

    public Guid Id { get; init; }
    public required string Name { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public required string RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public IReadOnlyList<SubjectAccessPartReceived> Parts { get; init; } = [];

    public IReadOnlyList<string> Awaiting => [.. Agencies.Where(a => Parts.All(p => p.Agency != a))];

    public static SubjectAccessRequest Create(SubjectAccessRequested e) => new()
    {
        Id = e.RequestId, Name = e.Name, DateOfBirth = e.DateOfBirth, RequestedBy = e.RequestedBy, RequestedAt = e.RequestedAt,
    };

    public SubjectAccessRequest Apply(SubjectAccessPartReceived e) => this with { Parts = [.. Parts, e] };

    /// <summary>The same request again (same id, name and date of birth) changes nothing; another under the same id is refused.</summary>
    public static IReadOnlyList<object> Decide(SubjectAccessRequest? current, SubjectAccessRequested command) =>
        current is null ? [command]
        : current.Name == command.Name && current.DateOfBirth == command.DateOfBirth ? []
        : throw new DuplicateRecordException("request_id", $"request {command.RequestId} was made for another person");

    /// <summary>A redelivered or repeated part (one per agency) changes nothing.</summary>
    public IReadOnlyList<object> Receive(SubjectAccessPartReceived part) =>
        Parts.Any(p => p.Agency == part.Agency) ? [] : [part];
}
