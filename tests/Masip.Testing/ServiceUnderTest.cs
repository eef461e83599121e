using Grpc.Net.Client;
using Masip.ServiceDefaults;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Masip.Testing;

/// <summary>A MASIP service host running in the test process against the test bed's infrastructure.</summary>
public sealed class ServiceUnderTest<THost> : WebApplicationFactory<THost> where THost : class
{
    private readonly string _service;
    private readonly TestBed _bed;
    private readonly IDictionary<string, string?> _settings;
    private GrpcChannel? _channel;

    internal ServiceUnderTest(string service, TestBed bed, IDictionary<string, string?>? settings)
    {
        _service = service;
        _bed = bed;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting(MasipConfiguration.PostgresKey, _bed.Infrastructure.PostgresServer);
        builder.UseSetting(MasipConfiguration.RabbitMqKey, _bed.Broker.ToString());
        builder.UseSetting(MasipConfiguration.DatabaseKey, _bed.DatabaseFor(_service));
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
    }

    /// <summary>A gRPC channel to this service (over the in-memory test server).</summary>
    public GrpcChannel Channel => _channel ??= GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
    {
        HttpHandler = Server.CreateHandler(),
    });

    /// <summary>Waits until /health/ready says PostgreSQL and RabbitMQ answer.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        var client = CreateClient();
        string last = "";
        var ready = await Eventually.TrueAsync(async () =>
        {
            var response = await client.GetAsync("/health/ready");
            last = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode;
        }, timeout ?? TimeSpan.FromSeconds(60));
        if (!ready)
            throw new TimeoutException($"{_service} was not ready: {last}");
    }

    public override async ValueTask DisposeAsync()
    {
        _channel?.Dispose();
        await base.DisposeAsync();
    }
}
