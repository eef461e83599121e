using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Grpc.Net.Client;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Identity;
using Masip.ServiceDefaults.Sharing;

namespace Masip.Testing;

/// <summary>
/// A MASIP service running as its own process (the built Masip.X.dll), for what an in-process host
/// cannot show: replicas side by side, and a replica killed with -9 in the middle of its work.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ServiceProcess(string service, Process process, int grpcPort, int httpPort)
    {
        Service = service;
        _process = process;
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
    }

    public string Service { get; }
    public Uri GrpcAddress { get; }
    public Uri HttpAddress { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote (for a failing test's message).</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return string.Join('\n', _output.TakeLast(40));
        }
    }

    internal static ServiceProcess Start(string service, TestBed bed, IDictionary<string, string?>? settings)
    {
        var name = char.ToUpperInvariant(service[0]) + service[1..];
        var dll = FindServiceDll(name);
        var (grpc, http) = (FreePort(), FreePort());
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ConnectionStrings__postgres"] = bed.Infrastructure.PostgresServer;
        info.Environment["ConnectionStrings__rabbitmq"] = bed.Broker.ToString();
        info.Environment["Masip__Database"] = bed.DatabaseFor(service);
        info.Environment["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpc}";
        info.Environment["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{http}";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            info.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {dll}");
        var started = new ServiceProcess(service, process, grpc, http);
        process.OutputDataReceived += (_, e) => started.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => started.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 400)
                _output.RemoveRange(0, 200);
        }
    }

    /// <summary>A channel to this process's gRPC port with a development token for the role.</summary>
    public GrpcChannel ChannelAs(string agency, string role, string? purpose = null, string? subject = null)
    {
        var token = DevelopmentTokens.Mint(subject ?? $"test-{agency}-{role}", agency, role);
        return GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions
        {
            HttpHandler = new Headers(token, purpose) { InnerHandler = new SocketsHttpHandler() },
        });
    }

    /// <summary>An HTTP/1.1 client to this process's HTTP port (health, OpenAPI, HTTP/JSON) with a development token for the role.</summary>
    public HttpClient HttpAs(string agency, string role, string? purpose = null, string? subject = null) =>
        new(new Headers(DevelopmentTokens.Mint(subject ?? $"test-{agency}-{role}", agency, role), purpose) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = HttpAddress,
            DefaultRequestVersion = System.Net.HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

    /// <summary>/health/ready as JSON (null while the process does not answer).</summary>
    public async Task<JsonElement?> ReadinessAsync()
    {
        using var client = new HttpClient { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            var body = await client.GetStringAsync("/health/ready");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Does this replica lead the async daemon (relay, projections, sealer)?</summary>
    public async Task<bool> LeadsAsync() =>
        await ReadinessAsync() is { } ready
        && ready.GetProperty("checks").TryGetProperty("outbox", out var outbox)
        && outbox.GetProperty("data").TryGetProperty("daemon", out var daemon) && daemon.GetString() == "leader";

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var ready = await Eventually.TrueAsync(async () => !HasExited && await ReadinessAsync() is { } r
            && r.GetProperty("status").GetString() is "Healthy" or "Degraded", timeout);
        if (!ready)
            throw new TimeoutException($"{Service} (pid {ProcessId}) was not ready within {timeout.TotalSeconds:0} s:\n{Output}");
    }

    /// <summary>kill -9: no shutdown, no flush, its connections simply vanish.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string FindServiceDll(string name)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Masip.sln")))
                continue;
            foreach (var config in new[] { configuration, configuration == "Debug" ? "Release" : "Debug" })
            {
                var dll = Path.Combine(dir.FullName, "services", $"Masip.{name}", "bin", config, "net10.0", $"Masip.{name}.dll");
                if (File.Exists(dll))
                    return dll;
            }
            throw new FileNotFoundException($"Masip.{name}.dll is not built under {dir.FullName}/services (build the solution first)");
        }
        throw new DirectoryNotFoundException("no Masip.sln above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Headers(string token, string? purpose) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            if (purpose is not null)
                request.Headers.TryAddWithoutValidation(SharingInterceptor.PurposeHeader, purpose);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
