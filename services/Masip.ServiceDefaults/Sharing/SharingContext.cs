using Grpc.Core;
using Google.Protobuf.Reflection;
using Masip.ServiceDefaults.Identity;

namespace Masip.ServiceDefaults.Sharing;

/// <summary>The caller, the stated purpose (and reason) and the method of the current gRPC call.</summary>
public sealed class SharingContext(Caller caller, string purpose, MethodDescriptor method, string? reason = null)
{
    public Caller Caller { get; } = caller;
    public string Purpose { get; } = purpose;
    public MethodDescriptor Method { get; } = method;

    /// <summary>Why the caller is looking (the x-masip-reason header), recorded with the disclosure.</summary>
    public string? Reason { get; } = reason;

    /// <summary>Why the caller reads a record outside their caseload (x-masip-access-reason), recorded with the disclosure.</summary>
    public Caseload.AccessReason? AccessReason { get; init; }

    /// <summary>The reason the disclosure audit records: x-masip-reason, then the access reason ("access-reason: CODE: text").</summary>
    public string? AuditReason => AccessReason is null ? Reason
        : (Reason is null ? "" : Reason + "; ") + Caseload.AccessReason.AuditPrefix + AccessReason;

    /// <summary>The reply was filtered and its disclosure recorded already (by the command pipeline, in its transaction).</summary>
    public bool ReplyDisclosed { get; set; }

    /// <summary>
    /// Set by a handler whose reply carries data the victim consented to share (victim.voice at
    /// the DMM): rules with the victim-consent condition then apply.
    /// </summary>
    public bool VictimConsented { get; set; }
}

public static class SharingContextExtensions
{
    private const string Key = "masip.sharing";

    public static SharingContext Sharing(this ServerCallContext context) =>
        context.GetHttpContext().Items[Key] as SharingContext
        ?? throw new InvalidOperationException("No sharing context: the call did not pass the sharing interceptor.");

    internal static void SetSharing(this ServerCallContext context, SharingContext sharing) =>
        context.GetHttpContext().Items[Key] = sharing;
}
