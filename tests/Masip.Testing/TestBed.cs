using System.Net;
using Npgsql;
using Xunit;

namespace Masip.Testing;

/// <summary>
/// One test class's world: its own databases (masip_t1234abcd_police, ...) and its own RabbitMQ
/// virtual host, so test classes never see each other's data or messages. Use as a class
/// fixture; start the services the class needs with <see cref="StartAsync{THost}"/>.
/// </summary>
public sealed class TestBed : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _services = [];
    private readonly List<string> _databases = [];

    public string Id { get; } = "t" + Guid.NewGuid().ToString("N")[..10];
    public string VirtualHost => $"masip-{Id}";
    public TestInfrastructure Infrastructure { get; private set; } = null!;

    public Uri Broker => new(Infrastructure.Broker, Uri.EscapeDataString(VirtualHost));

    public async Task InitializeAsync()
    {
        Infrastructure = await TestInfrastructure.GetAsync();
        var vhost = Uri.EscapeDataString(VirtualHost);
        var user = Uri.UnescapeDataString(Infrastructure.Broker.UserInfo).Split(':')[0];
        (await Infrastructure.ManagementClient.PutAsync($"api/vhosts/{vhost}", null)).EnsureSuccessStatusCode();
        (await Infrastructure.ManagementClient.PutAsync($"api/permissions/{vhost}/{Uri.EscapeDataString(user)}",
            new StringContent("""{"configure":".*","write":".*","read":".*"}""", System.Text.Encoding.UTF8, "application/json")))
            .EnsureSuccessStatusCode();
    }

    public string DatabaseFor(string service) => $"masip_{Id}_{service}";

    /// <summary>A connection string to this test bed's database of <paramref name="service"/>.</summary>
    public string ConnectionStringFor(string service) =>
        new NpgsqlConnectionStringBuilder(Infrastructure.PostgresServer) { Database = DatabaseFor(service) }.ConnectionString;

    /// <summary>Starts a service host (in process, on a test server) and waits until it is ready.</summary>
    public async Task<ServiceUnderTest<THost>> StartAsync<THost>(string service, IDictionary<string, string?>? settings = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
        where THost : class
    {
        _databases.Add(DatabaseFor(service));
        var host = new ServiceUnderTest<THost>(service, this, settings, services);
        _services.Add(host);
        await host.WaitUntilReadyAsync();
        return host;
    }

    /// <summary>Stops a host started here (gracefully); its database stays, so another host can take over.</summary>
    public async Task StopAsync(IAsyncDisposable host)
    {
        _services.Remove(host);
        await host.DisposeAsync();
    }

    /// <summary>
    /// Starts <paramref name="service"/> as a real process (dotnet Masip.X.dll) on this bed's
    /// database and vhost, so a test can kill it with -9; several may run side by side (replicas).
    /// </summary>
    public async Task<ServiceProcess> StartProcessAsync(string service, IDictionary<string, string?>? settings = null)
    {
        _databases.Add(DatabaseFor(service));
        var process = ServiceProcess.Start(service, this, settings);
        _services.Add(process);
        await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        return process;
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _services.AsEnumerable().Reverse())
            await service.DisposeAsync();
        var response = await Infrastructure.ManagementClient.DeleteAsync($"api/vhosts/{Uri.EscapeDataString(VirtualHost)}");
        if (response.StatusCode is not (HttpStatusCode.NoContent or HttpStatusCode.OK or HttpStatusCode.NotFound))
            response.EnsureSuccessStatusCode();
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(Infrastructure.PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        // A service that serves several forces has a database per force (masip_t..._police_north).
        var forceDatabases = new List<string>();
        await using (var list = new NpgsqlCommand("select datname from pg_database where starts_with(datname, @prefix)", connection))
        {
            list.Parameters.AddWithValue("prefix", $"masip_{Id}_");
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                forceDatabases.Add(reader.GetString(0));
        }
        foreach (var database in _databases.Concat(forceDatabases).Distinct())
        {
            NpgsqlConnection.ClearAllPools();
            await using var drop = new NpgsqlCommand($"drop database if exists \"{database}\" with (force)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
