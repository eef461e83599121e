using Google.Protobuf;
using Grpc.Core;
using Marten;
using Masip.ServiceDefaults.Sharing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Masip.ServiceDefaults.Caseload;

/// <summary>The domain's own assignee of a record (the reviewing officer, the allocated advocate...), null when nobody holds it yet.</summary>
public delegate Task<string?> DomainAssignee(IQuerySession query, Guid recordId, CancellationToken ct);

/// <summary>
/// A single-record read that counts for the caseload: the rpc (its full gRPC method name), the kind of
/// record it reads, the request field holding the record's id, and how the domain says who holds it.
/// </summary>
public sealed record CaseloadRead(string Method, string Kind, string IdField, DomainAssignee? Domain);

public static class CaseloadRegistration
{
    /// <summary>Declares <paramref name="method"/> a single-record read of a <paramref name="kind"/> record, checked against the caseload.</summary>
    public static IServiceCollection AddCaseloadRead(this IServiceCollection services, string method, string kind, string idField,
        DomainAssignee? domain = null) =>
        services.AddSingleton(new CaseloadRead(method, kind, idField, domain));
}

/// <summary>
/// The one caseload check, run by the sharing interceptor before every call's handler (README "Data
/// protection", access reasons). Only the single-record reads each agency declares count (police
/// GetCase; advocacy GetReferral and GetEpisode; NHS GetReferral, GetAssessment and GetEpisode;
/// probation GetPerson); the queues, lists and searches a role works from do not. A record nobody
/// holds yet is the team's, and one the caller holds needs nothing; a record someone else holds
/// needs <c>x-masip-access-reason</c> (FailedPrecondition naming it otherwise), which the read's
/// disclosure audit entry then records. Exempt (their reads are audited all the same): the meeting
/// chair (every case on the agenda is theirs to chair), the auditor/DPO (rights requests and audit),
/// the services' own accounts and operators.
/// </summary>
public sealed class CaseloadGate(IEnumerable<CaseloadRead> reads)
{
    public static readonly IReadOnlySet<string> ExemptRoles = new HashSet<string>(StringComparer.Ordinal)
        { "meeting-chair", "auditor", "service", "operator" };

    private readonly Dictionary<string, CaseloadRead> _reads = reads.ToDictionary(r => r.Method, StringComparer.Ordinal);

    public IReadOnlyCollection<CaseloadRead> Reads => _reads.Values;

    public async Task CheckAsync(object? request, ServerCallContext context, SharingContext sharing)
    {
        if (!_reads.TryGetValue(context.Method, out var read) || request is not IMessage message
            || ExemptRoles.Contains(sharing.Caller.Role) || sharing.AccessReason is not null)
            return;
        // A malformed id is the handler's to refuse (InvalidArgument naming the field).
        if (message.Descriptor.FindFieldByName(read.IdField)?.Accessor.GetValue(message) is not string text || !Guid.TryParse(text, out var id))
            return;
        var query = context.GetHttpContext().RequestServices.GetRequiredService<IQuerySession>();
        var assignee = await AssigneeAsync(query, read, id, context.CancellationToken);
        if (assignee is null || assignee == sharing.Caller.Subject)
            return;
        throw new RpcException(new Status(StatusCode.FailedPrecondition,
            $"{AccessReason.Header}: the {read.Kind} is on another practitioner's caseload; say why you are looking " +
            $"({string.Join(" | ", AccessReason.Codes)}, then optionally ': ' and a few words)"));
    }

    /// <summary>Who holds the record: the latest caseload assignment, else the domain's own assignee; null: nobody yet (the team's).</summary>
    public static async Task<string?> AssigneeAsync(IQuerySession query, CaseloadRead read, Guid id, CancellationToken ct)
    {
        if (await query.LoadAsync<CaseloadAssignment>(CaseloadAssignment.IdFor(read.Kind, id), ct) is { } assigned)
            return assigned.Assignee;
        return read.Domain is null ? null : await read.Domain(query, id, ct) is { Length: > 0 } domain ? domain : null;
    }
}
