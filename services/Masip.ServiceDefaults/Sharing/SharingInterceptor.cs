using Grpc.Core;
using Grpc.Core.Interceptors;
using Google.Protobuf;
using Masip.ServiceDefaults.Audit;
using Masip.ServiceDefaults.Identity;
using Masip.ServiceDefaults.Tenancy;

namespace Masip.ServiceDefaults.Sharing;

/// <summary>
/// The gRPC exit of the sharing policy. Before the handler: the caller must hold a role the
/// method allows (PermissionDenied otherwise) and state a purpose it allows (the
/// x-masip-purpose header; the method's first purpose by default). After it: the reply is
/// filtered through the agreement, and a disclosure of personal data is audited.
/// </summary>
public sealed class SharingInterceptor(SharingAgreements agreements, Forces forces, ContractCatalog catalog, ReplyDisclosure replies, DisclosureAuditor auditor,
    Caseload.CaseloadGate caseload)
    : Interceptor
{
    public const string PurposeHeader = "x-masip-purpose";
    public const string ReasonHeader = "x-masip-reason";
    public const int MaxReasonLength = 500;

    // Standard services mapped beside ours: health is open, reflection only in Development.
    private static readonly string[] OpenServices = ["/grpc.health.v1.Health/", "/grpc.reflection.v1alpha.ServerReflection/", "/grpc.reflection.v1.ServerReflection/"];

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (IsOpen(context.Method))
            return await continuation(request, context);
        var sharing = Admit(context);
        // A single-record read outside the caller's caseload needs a reason (Caseload/CaseloadGate.cs).
        await caseload.CheckAsync(request, context, sharing);
        var response = await continuation(request, context);
        if (!sharing.ReplyDisclosed)
            await Disclose(response, sharing, context);
        return response;
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (IsOpen(context.Method))
        {
            await continuation(request, responseStream, context);
            return;
        }
        var sharing = Admit(context);
        await continuation(request, new FilteringWriter<TResponse>(responseStream, message => Disclose(message, sharing, context)), context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (IsOpen(context.Method))
            return await continuation(requestStream, context);
        var sharing = Admit(context);
        var response = await continuation(requestStream, context);
        if (!sharing.ReplyDisclosed)
            await Disclose(response, sharing, context);
        return response;
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (IsOpen(context.Method))
        {
            await continuation(requestStream, responseStream, context);
            return;
        }
        var sharing = Admit(context);
        await continuation(requestStream, new FilteringWriter<TResponse>(responseStream, message => Disclose(message, sharing, context)), context);
    }

    private static bool IsOpen(string method) => OpenServices.Any(method.StartsWith);

    private SharingContext Admit(ServerCallContext context)
    {
        var caller = Caller.From(context.GetHttpContext().User)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "a bearer token with sub, agency and role is required"));
        // The force the call acts for (entered from the token by the force middleware): one this deployment serves.
        var force = context.GetHttpContext().User.FindFirst(Forces.Claim)?.Value;
        if (forces.TenantFor(force) is not { } tenant || tenant != Forces.Current)
            throw new RpcException(new Status(StatusCode.Unauthenticated, forces.Enabled
                ? $"the token's force '{Shorten(force ?? "(none)")}' is not one this deployment serves"
                : "the token names a force, and this deployment serves one force only"));
        var agreement = agreements.Current;
        // Identities the agreement knows: a party's token, with a role that party gives its people.
        if (!agreement.IsParty(caller.Agency))
            throw new RpcException(new Status(StatusCode.Unauthenticated,
                $"the token's agency '{Shorten(caller.Agency)}' is not a party to the sharing agreement"));
        if (!agreement.PartyHasRole(caller.Agency, caller.Role))
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"the token's role '{Shorten(caller.Role)}' is not a role of {caller.Agency} under the sharing agreement"));
        var method = catalog.Method(context.Method)
            ?? throw new RpcException(new Status(StatusCode.PermissionDenied, $"{context.Method} is not in the contracts"));

        var roles = ContractCatalog.AllowedRoles(method);
        if (!(roles.Contains(caller.RoleKey) || roles.Contains(SharingAgreement.AnyAgency(caller.RoleKey)))
            || caller.Role == "service" && !roles.Contains(caller.RoleKey))
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"role {caller.RoleKey} may not call {method.Service.Name}/{method.Name}"));

        var purposes = ContractCatalog.Purposes(method);
        var stated = context.RequestHeaders.GetValue(PurposeHeader);
        var purpose = string.IsNullOrWhiteSpace(stated) ? purposes.FirstOrDefault() ?? "" : stated.Trim();
        if (!purposes.Contains(purpose))
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"{PurposeHeader}: purpose '{purpose}' is not allowed for {method.Name} (allowed: {string.Join(", ", purposes)})"));

        var reason = context.RequestHeaders.GetValue(ReasonHeader)?.Trim();
        if (reason is { Length: > MaxReasonLength })
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{ReasonHeader}: must be at most {MaxReasonLength} characters"));

        // Break-glass access says so in the audit entry's reason (DataProtection/BreakGlass.cs).
        if (DataProtection.BreakGlass.Requested(context) && !string.IsNullOrEmpty(reason))
            reason = DataProtection.BreakGlass.ReasonPrefix + reason;
        var sharing = new SharingContext(caller, purpose, method, string.IsNullOrEmpty(reason) ? null : reason)
        {
            AccessReason = Caseload.AccessReason.From(context.RequestHeaders),
        };
        context.SetSharing(sharing);
        return sharing;
    }

    // A claim echoed back is cut short: a hostile token must not fill the logs.
    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";

    private async Task Disclose(object? response, SharingContext sharing, ServerCallContext context)
    {
        if (response is IMessage message && replies.Filter(message, sharing) is { } disclosure)
            await auditor.RecordAsync(disclosure, context.CancellationToken);
    }

    private sealed class FilteringWriter<T>(IServerStreamWriter<T> inner, Func<object?, Task> disclose) : IServerStreamWriter<T>
    {
        public WriteOptions? WriteOptions { get => inner.WriteOptions; set => inner.WriteOptions = value; }

        public async Task WriteAsync(T message)
        {
            await disclose(message);
            await inner.WriteAsync(message);
        }
    }
}
