using Grpc.Net.Client;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Identity;
using Masip.ServiceDefaults.Sharing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Masip.Testing;

/// <summary>A MASIP service host running in the test process against the test bed's infrastructure.</summary>
public sealed class ServiceUnderTest<THost> : WebApplicationFactory<THost> where THost : class
{
    private readonly string _service;
    private readonly TestBed _bed;
    private readonly IDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private GrpcChannel? _channel;

    internal ServiceUnderTest(string service, TestBed bed, IDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        _service = service;
        _bed = bed;
        _settings = settings ?? new Dictionary<string, string?>();
        _services = services;
    }

    public string Name => _service;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting(MasipConfiguration.PostgresKey, _bed.Infrastructure.PostgresServer);
        builder.UseSetting(MasipConfiguration.RabbitMqKey, _bed.Broker.ToString());
        builder.UseSetting(MasipConfiguration.DatabaseKey, _bed.DatabaseFor(_service));
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_services is not null)
            builder.ConfigureServices(_services);
    }

    /// <summary>
    /// A gRPC channel to this service (over the in-memory test server), signed in as the
    /// agency's everyday role: police stac-officer, probation probation-officer, nhs clinician,
    /// advocacy advocate, meetings (police) meeting-chair.
    /// </summary>
    public GrpcChannel Channel => _channel ??= ChannelAs(DefaultRole.Agency, DefaultRole.Role);

    /// <summary>A channel whose calls carry a development token for the role, and a purpose when given.</summary>
    public GrpcChannel ChannelAs(string agency, string role, string? purpose = null, string? subject = null)
    {
        var token = DevelopmentTokens.Mint(subject ?? $"test-{agency}-{role}", agency, role);
        return ChannelWith(token, purpose);
    }

    /// <summary>A channel whose calls carry exactly this bearer token (null: none).</summary>
    public GrpcChannel ChannelWith(string? token, string? purpose = null) =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new HeadersHandler(token, purpose) { InnerHandler = Server.CreateHandler() },
        });

    /// <summary>An HTTP client for the HTTP/JSON routes whose requests carry a development token for the role, and a purpose when given.</summary>
    public HttpClient HttpAs(string agency, string role, string? purpose = null, string? subject = null) =>
        HttpWith(DevelopmentTokens.Mint(subject ?? $"test-{agency}-{role}", agency, role), purpose);

    /// <summary>An HTTP client whose requests carry exactly this bearer token (null: none).</summary>
    public HttpClient HttpWith(string? token, string? purpose = null) => CreateDefaultClient(new HeadersHandler(token, purpose));

    private (string Agency, string Role) DefaultRole => _service switch
    {
        "police" => ("police", "stac-officer"),
        "probation" => ("probation", "probation-officer"),
        "nhs" => ("nhs", "clinician"),
        "advocacy" => ("advocacy", "advocate"),
        "meetings" => ("police", "meeting-chair"),
        _ => ("police", "stac-officer"),
    };

    private sealed class HeadersHandler(string? token, string? purpose) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (token is not null)
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            if (purpose is not null)
                request.Headers.TryAddWithoutValidation(SharingInterceptor.PurposeHeader, purpose);
            return base.SendAsync(request, cancellationToken);
        }
    }

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
