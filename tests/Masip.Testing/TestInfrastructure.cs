using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using DotNet.Testcontainers.Containers;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Masip.Testing;

/// <summary>
/// PostgreSQL and RabbitMQ for tests. The one place that decides where they come from: a
/// Docker engine that answers gets Testcontainers; otherwise the servers `deploy/masip test`
/// started, named by the MASIP_* variables it exports. A test never knows which.
/// </summary>
public sealed class TestInfrastructure
{
    private static readonly Lazy<Task<TestInfrastructure>> Instance = new(StartAsync);

    private readonly Func<string[], Task> _rabbitmqctl;
    private readonly Func<string, Task> _pgctl;

    private TestInfrastructure(string mode, string postgresServer, Uri broker, Uri management, string managementUser,
        string managementPassword, Func<string[], Task> rabbitmqctl, Func<string, Task> pgctl)
    {
        _pgctl = pgctl;
        Mode = mode;
        PostgresServer = postgresServer;
        Broker = broker;
        Management = management;
        _rabbitmqctl = rabbitmqctl;
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{managementUser}:{managementPassword}"));
        ManagementClient = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(30) };
        ManagementClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
    }

    /// <summary>"testcontainers" or "local".</summary>
    public string Mode { get; }

    /// <summary>A connection string to the server, without a database.</summary>
    public string PostgresServer { get; }

    /// <summary>amqp://user:password@host:port/ (no vhost).</summary>
    public Uri Broker { get; }

    public Uri Management { get; }

    /// <summary>The RabbitMQ management HTTP API, authenticated.</summary>
    public HttpClient ManagementClient { get; }

    public static Task<TestInfrastructure> GetAsync() => Instance.Value;

    /// <summary>Stops the RabbitMQ application (every connection drops; durable queues stay).</summary>
    public Task StopBrokerAsync() => _rabbitmqctl(["stop_app"]);

    public Task StartBrokerAsync() => _rabbitmqctl(["start_app"]);

    /// <summary>Stops PostgreSQL (every connection drops; the data stays).</summary>
    public Task StopPostgresAsync() => _pgctl("stop");

    public Task StartPostgresAsync() => _pgctl("start");

    private static async Task<TestInfrastructure> StartAsync()
    {
        var forced = Environment.GetEnvironmentVariable("MASIP_TEST_INFRA");
        var useDocker = forced switch
        {
            "docker" => true,
            "local" => false,
            _ => await DockerEngineAnswers(),
        };
        return useDocker ? await StartContainersAsync() : FromLocalServices();
    }

    private static TestInfrastructure FromLocalServices()
    {
        string Need(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"No Docker engine answers and {name} is not set. Run the tests with `deploy/masip test`, " +
                "which starts PostgreSQL and RabbitMQ and exports MASIP_POSTGRES, MASIP_RABBITMQ, MASIP_RABBITMQ_MANAGEMENT and MASIP_RABBITMQCTL.");

        var broker = new Uri(Need("MASIP_RABBITMQ"));
        var userInfo = Uri.UnescapeDataString(broker.UserInfo).Split(':', 2);
        var ctl = Need("MASIP_RABBITMQCTL");
        var pgctl = Need("MASIP_PGCTL");
        return new TestInfrastructure("local", Need("MASIP_POSTGRES"), new Uri(broker.GetLeftPart(UriPartial.Authority) + "/"),
            new Uri(Need("MASIP_RABBITMQ_MANAGEMENT")), userInfo[0], userInfo.Length > 1 ? userInfo[1] : "",
            args => RunAsync("/bin/sh", ["-c", ctl + " " + string.Join(' ', args)]),
            action => RunAsync("/bin/sh", ["-c", pgctl + " " + action]));
    }

    private static async Task<TestInfrastructure> StartContainersAsync()
    {
        var postgres = new PostgreSqlBuilder("postgres:15")
            .WithUsername("masip").WithPassword("masip").WithDatabase("postgres")
            .WithCommand("-c", "max_connections=1000")
            .Build();
        var rabbit = new RabbitMqBuilder("rabbitmq:3.13-management")
            .WithUsername("masip").WithPassword("masip")
            .WithPortBinding(15672, true)
            .Build();
        await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());

        var server = postgres.GetConnectionString();
        var broker = new Uri($"amqp://masip:masip@{rabbit.Hostname}:{rabbit.GetMappedPublicPort(5672)}/");
        var management = new Uri($"http://{rabbit.Hostname}:{rabbit.GetMappedPublicPort(15672)}/");
        // PostgreSQL is paused rather than stopped: a stopped container may come back on another port.
        return new TestInfrastructure("testcontainers", server, broker, management, "masip", "masip",
            async args => await ExecOrThrow(rabbit, ["rabbitmqctl", .. args]),
            async action => await (action == "stop" ? postgres.PauseAsync() : postgres.UnpauseAsync()));
    }

    private static async Task ExecOrThrow(IContainer container, IList<string> command)
    {
        var result = await container.ExecAsync(command);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', command)} exited {result.ExitCode}: {result.Stderr}");
    }

    private static async Task<bool> DockerEngineAnswers()
    {
        try
        {
            await RunAsync("docker", ["info", "--format", "{{.ServerVersion}}"], TimeSpan.FromSeconds(10));
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static async Task RunAsync(string file, string[] args, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(120));
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in time");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}{await stdout}");
    }
}
