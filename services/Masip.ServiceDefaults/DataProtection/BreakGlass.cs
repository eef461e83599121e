using Masip.ServiceDefaults.Tenancy;
using Grpc.Core;
using Marten;
using Masip.ServiceDefaults.Persistence;
using Masip.ServiceDefaults.Sharing;
using Microsoft.Extensions.Logging;

namespace Masip.ServiceDefaults.DataProtection;

/// <summary>An alert to the agency's data-protection officer (its auditor): a break-glass access, with who, what and why.</summary>
public sealed class DpoAlert
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string SubjectKind { get; set; } = "";
    public string SubjectId { get; set; } = "";
    public string AccessedBy { get; set; } = "";
    public string AccessedByRole { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// Break-glass (DPA 2018 s62 logging; the agreement's "why are you looking?"): in an emergency a
/// caller who is not on a record's access list reads it anyway by sending
/// <c>x-masip-break-glass: true</c> with a reason (<c>x-masip-reason</c>). The read works, its
/// disclosure audit entry's reason starts with "break-glass: ", and an alert is raised to the
/// agency's data-protection officer (<see cref="DpoAlert"/>, listed by DataProtection.ListDpoAlerts,
/// and a log line with the alert id).
/// </summary>
public static class BreakGlass
{
    public const string Header = "x-masip-break-glass";
    public const string ReasonPrefix = "break-glass: ";
    public const string Kind = "break-glass";

    public static bool Requested(ServerCallContext context) =>
        context.RequestHeaders.GetValue(Header)?.Trim().ToLowerInvariant() is "true" or "1" or "yes";

    /// <summary>
    /// The caller broke the glass on (<paramref name="subjectKind"/>, <paramref name="subjectId"/>): the alert
    /// to the DPO is stored (once per call) and logged. A break-glass without a reason is refused.
    /// </summary>
    public static async Task RaiseAsync(IDocumentStore store, ServerCallContext context, string subjectKind, Guid subjectId,
        DateTimeOffset now, ILogger logger)
    {
        var sharing = context.Sharing();
        if (string.IsNullOrWhiteSpace(sharing.Reason))
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{SharingInterceptor.ReasonHeader}: is required to break the glass (why are you looking?)"));
        var alert = new DpoAlert
        {
            Id = DeterministicId.For("dpo-alert", subjectId, context.GetHttpContext().TraceIdentifier),
            Kind = Kind, SubjectKind = subjectKind, SubjectId = subjectId.ToString(), AccessedBy = sharing.Caller.Subject,
            AccessedByRole = sharing.Caller.RoleKey, Reason = sharing.Reason!, At = now,
        };
        await using (var session = store.LightweightForForce())
        {
            session.Store(alert);
            await session.SaveChangesAsync(context.CancellationToken);
        }
        logger.LogWarning("Break-glass access to {SubjectKind} {SubjectId} by {Subject}: DPO alert {AlertId}", subjectKind, subjectId, alert.AccessedBy, alert.Id);
    }
}
