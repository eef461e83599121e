using Grpc.Net.Client;
using Masip.ServiceDefaults.Identity;

namespace Masip.Cli;

/// <summary>Who a command calls as: agency, role and the token subject.</summary>
public sealed record CliIdentity(string Agency, string Role, string Subject)
{
    public static readonly string[] Agencies = ["police", "probation", "nhs", "advocacy"];
    public static readonly string[] Roles = ["stac-officer", "meeting-chair", "probation-officer", "clinician", "advocate", "auditor", "service", "operator"];

    /// <summary>Parses "AGENCY/ROLE"; null when the text is not of that shape or names an unknown agency or role.</summary>
    public static CliIdentity? Parse(string text, string? subject)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !Agencies.Contains(parts[0]) || !Roles.Contains(parts[1]))
            return null;
        return new CliIdentity(parts[0], parts[1], subject ?? $"dev-{parts[0]}-{parts[1]}");
    }

    public override string ToString() => $"{Agency}/{Role}";
}

/// <summary>Makes the gRPC channel a command uses to reach a service as an identity, with an optional purpose header.</summary>
public delegate GrpcChannel ChannelFactory(string service, CliIdentity identity, string? purpose);

/// <summary>
/// What a command may touch outside itself: its output, error output, the channels to the
/// services and the clock. Tests pass writers and the test servers' channels.
/// </summary>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, ChannelFactory Channels, TimeProvider Clock)
{
    public static readonly IReadOnlyDictionary<string, int> Ports = new Dictionary<string, int>
    {
        ["police"] = 5101, ["probation"] = 5102, ["nhs"] = 5103, ["advocacy"] = 5104, ["meetings"] = 5105,
    };

    public static CliEnvironment FromProcess() =>
        new(Console.Out, Console.Error, NetworkChannels(Environment.GetEnvironmentVariable), TimeProvider.System);

    /// <summary>MASIP_POLICE_URL etc., or http://127.0.0.1:5101.. on this machine.</summary>
    public static string EndpointOf(string service, Func<string, string?> variables) =>
        variables($"MASIP_{service.ToUpperInvariant()}_URL") is { Length: > 0 } url ? url : $"http://127.0.0.1:{Ports[service]}";

    /// <summary>
    /// Channels over the network, each call carrying a development token minted for the
    /// identity (DevelopmentTokens: accepted only by services running in Development), acting for
    /// the force MASIP_FORCE names when the deployment serves several, and giving the reason
    /// MASIP_ACCESS_REASON names ("CODE" or "CODE: a few words", sent as x-masip-access-reason) for
    /// reading a record on another practitioner's caseload.
    /// </summary>
    public static ChannelFactory NetworkChannels(Func<string, string?> variables) => (service, identity, purpose) =>
    {
        var force = variables("MASIP_FORCE") is { Length: > 0 } named ? named : null;
        var token = DevelopmentTokens.Mint(identity.Subject, identity.Agency, identity.Role, TimeSpan.FromMinutes(30), force: force);
        var reason = variables("MASIP_ACCESS_REASON") is { Length: > 0 } given ? given : null;
        return GrpcChannel.ForAddress(EndpointOf(service, variables), new GrpcChannelOptions
        {
            HttpHandler = new HeadersHandler(token, purpose, reason) { InnerHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } },
        });
    };

    private sealed class HeadersHandler(string token, string? purpose, string? accessReason) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            if (purpose is not null)
                request.Headers.TryAddWithoutValidation(Masip.ServiceDefaults.Sharing.SharingInterceptor.PurposeHeader, purpose);
            if (accessReason is not null)
                request.Headers.TryAddWithoutValidation(Masip.ServiceDefaults.Caseload.AccessReason.Header, accessReason);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
