using Grpc.Core;
using Grpc.Core.Interceptors;
using Masip.ServiceDefaults.Caseload;
using Masip.ServiceDefaults.Sharing;

namespace Masip.Web;

/// <summary>
/// The services as the signed-in user calls them: every call carries the user's bearer token
/// (and a purpose when the screen has one, such as "dmm" for the meeting). Per request.
/// </summary>
public sealed class MasipApi(ServiceChannels channels, IHttpContextAccessor http, AccessReasons reasons)
{
    private string Token => http.HttpContext?.User.FindFirst(WebConsole.TokenClaim)?.Value
        ?? throw new InvalidOperationException("no signed-in user");

    public string Agency => http.HttpContext?.User.FindFirst(WebConsole.AgencyClaim)?.Value ?? "";
    public string Role => http.HttpContext?.User.FindFirst(WebConsole.RoleClaim)?.Value ?? "";
    public string Subject => http.HttpContext?.User.Identity?.Name ?? "";

    public CallInvoker Police => Invoker("police");
    public CallInvoker Probation => Invoker("probation");
    public CallInvoker Nhs => Invoker("nhs");
    public CallInvoker Advocacy => Invoker("advocacy");
    public CallInvoker Meetings(string purpose) => Invoker("meetings", purpose);

    public CallInvoker Invoker(string service, string? purpose = null) => Invoker(service, purpose, accessReason: null);

    /// <summary>
    /// A single-record read of <paramref name="kind"/> <paramref name="id"/> at <paramref name="service"/>: it carries
    /// x-masip-access-reason when the user gave one for this record in this session (<see cref="AccessReasons"/>).
    /// </summary>
    public CallInvoker Read(string service, string kind, string id) => Invoker(service, null, reasons.For(service, kind, id));

    private CallInvoker Invoker(string service, string? purpose, string? accessReason)
    {
        var token = Token;
        return channels.For(service).Intercept(metadata =>
        {
            metadata.Add("authorization", $"Bearer {token}");
            if (purpose is not null)
                metadata.Add(SharingInterceptor.PurposeHeader, purpose);
            if (accessReason is not null)
                metadata.Add(AccessReason.Header, accessReason);
            return metadata;
        });
    }

    /// <summary>What a failed call tells the user: the status and the service's detail (which names a field, never a value).</summary>
    public static string Describe(RpcException e) => e.StatusCode switch
    {
        StatusCode.PermissionDenied => $"Not allowed for your role: {e.Status.Detail}",
        StatusCode.Unauthenticated => "Your sign-in has expired: sign in again.",
        StatusCode.InvalidArgument => $"Please check the form: {e.Status.Detail}",
        StatusCode.NotFound => $"Not found: {e.Status.Detail}",
        StatusCode.FailedPrecondition => $"Not possible now: {e.Status.Detail}",
        StatusCode.AlreadyExists => $"Already recorded: {e.Status.Detail}",
        StatusCode.Unavailable => "The service is not reachable just now; try again.",
        _ => $"{e.StatusCode}: {e.Status.Detail}",
    };
}
