using System.Collections.Concurrent;
using Grpc.Net.Client;

namespace Masip.Web;

/// <summary>
/// One gRPC channel per service, shared by every signed-in user: the caller's token travels in
/// each call's headers (<see cref="MasipApi"/>), never in the channel.
/// </summary>
public sealed class ServiceChannels(Func<string, GrpcChannel> open) : IDisposable
{
    public static readonly string[] Services = ["police", "probation", "nhs", "advocacy", "meetings"];
    private static readonly IReadOnlyDictionary<string, int> Ports = new Dictionary<string, int>
    {
        ["police"] = 5101, ["probation"] = 5102, ["nhs"] = 5103, ["advocacy"] = 5104, ["meetings"] = 5105,
    };

    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new();

    public GrpcChannel For(string service) => _channels.GetOrAdd(service, open);

    /// <summary>Masip:Services:police etc. (or MASIP_POLICE_URL), else the local ports `deploy/masip up` uses.</summary>
    public static ServiceChannels FromConfiguration(IConfiguration configuration) => new(service =>
    {
        var address = configuration[$"Masip:Services:{service}"] is { Length: > 0 } configured ? configured
            : Environment.GetEnvironmentVariable($"MASIP_{service.ToUpperInvariant()}_URL") is { Length: > 0 } variable ? variable
            : $"http://127.0.0.1:{Ports[service]}";
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) },
        });
    });

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
            channel.Dispose();
    }
}
