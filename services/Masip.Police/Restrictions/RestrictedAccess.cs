using Masip.ServiceDefaults.Tenancy;
using Grpc.Core;
using Marten;
using Masip.Police.Cases;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Persistence;
using Masip.ServiceDefaults.Sharing;

namespace Masip.Police.Restrictions;

/// <summary>One read of (or refused attempt at) a restricted case, for the supervisor who restricted it.</summary>
public sealed class RestrictedAccessAlertDocument
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string Supervisor { get; set; } = "";
    public string AccessedBy { get; set; } = "";
    public string? Reason { get; set; }
    public bool Refused { get; set; }
    public DateTimeOffset AccessedAt { get; set; }
}

/// <summary>
/// The gate on every read of a restricted case: only the named officers and the supervisor, each
/// read with a reason (x-masip-reason, which the disclosure audit records with the read), and an
/// alert to the supervisor on each access, refused attempts included (an alert by id in the log too).
/// </summary>
public sealed class RestrictedAccess(IDocumentStore store, TimeProvider clock, ILogger<RestrictedAccess> logger)
{
    /// <summary>A command on a restricted case: only the supervisor and the named officers.</summary>
    public static StacCase CheckCommand(StacCase c, Actor actor) =>
        c.Restriction is { } restriction && !restriction.Allows(actor.Subject)
            ? throw new RpcException(new Status(StatusCode.PermissionDenied, "case_id: the case is restricted to named officers"))
            : c;

    /// <summary>
    /// A command on a case (SPO, referral, Griffin): on a restricted case, the same gate as a read,
    /// named officers only, with a reason, the supervisor alerted.
    /// </summary>
    public static Task CheckCommand(StacCase c, ServerCallContext context) =>
        c.Restriction is null ? Task.CompletedTask : context.GetHttpContext().RequestServices.GetRequiredService<RestrictedAccess>().CheckRead(c, context);

    public async Task CheckRead(StacCase c, ServerCallContext context)
    {
        if (c.Restriction is not { } restriction)
            return;
        var sharing = context.Sharing();
        var who = sharing.Caller.Subject;
        var allowed = restriction.Allows(who);
        var breakGlass = !allowed && Masip.ServiceDefaults.DataProtection.BreakGlass.Requested(context);
        var reason = string.IsNullOrWhiteSpace(sharing.Reason) ? null : sharing.Reason;
        var alert = new RestrictedAccessAlertDocument
        {
            Id = DeterministicId.For("restricted-access", c.Id, context.GetHttpContext().TraceIdentifier),
            CaseId = c.Id,
            Supervisor = restriction.RestrictedBy,
            AccessedBy = who,
            Reason = reason,
            Refused = !(allowed || breakGlass) || reason is null,
            AccessedAt = clock.GetUtcNow(),
        };
        await using (var session = store.LightweightForForce())
        {
            session.Store(alert);
            await session.SaveChangesAsync(context.CancellationToken);
        }
        logger.LogInformation("Restricted case {CaseId} {Access} by {Subject}: alert {AlertId} to supervisor {Supervisor}",
            c.Id, alert.Refused ? "refused" : "read", who, alert.Id, restriction.RestrictedBy);
        if (breakGlass && reason is not null)
            await Masip.ServiceDefaults.DataProtection.BreakGlass.RaiseAsync(store, context, "case", c.Id, clock.GetUtcNow(), logger);
        if (!allowed && !breakGlass)
            throw new RpcException(new Status(StatusCode.PermissionDenied, "case_id: the case is restricted to named officers"));
        if (reason is null)
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"{SharingInterceptor.ReasonHeader}: is required to read a restricted case (why are you looking?)"));
    }
}
