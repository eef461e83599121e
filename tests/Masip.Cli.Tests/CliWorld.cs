using System.Text.Json;
using Grpc.Net.Client;
using Masip.Advocacy;
using Masip.Cli;
using Masip.Meetings;
using Masip.Nhs;
using Masip.Police;
using Masip.Probation;
using Masip.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Masip.Cli.Tests;

/// <summary>The five services the client commands call, on test servers in one test bed, started once for the class.</summary>
public sealed class CliWorld : IAsyncLifetime
{
    private readonly TestBed _bed = new();
    private readonly Dictionary<string, Func<CliIdentity, string?, GrpcChannel>> _channels = [];
    private readonly Dictionary<string, Func<GrpcChannel>> _defaults = [];
    private IServiceProvider? _police;

    public async Task InitializeAsync()
    {
        await _bed.InitializeAsync();
        var police = await _bed.StartAsync<PoliceHost>(PoliceHost.Name);
        var probation = await _bed.StartAsync<ProbationHost>(ProbationHost.Name);
        var nhs = await _bed.StartAsync<NhsHost>(NhsHost.Name);
        var advocacy = await _bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name);
        var meetings = await _bed.StartAsync<MeetingsHost>(MeetingsHost.Name);
        _channels["police"] = (who, purpose) => police.ChannelAs(who.Agency, who.Role, purpose, who.Subject);
        _channels["probation"] = (who, purpose) => probation.ChannelAs(who.Agency, who.Role, purpose, who.Subject);
        _channels["nhs"] = (who, purpose) => nhs.ChannelAs(who.Agency, who.Role, purpose, who.Subject);
        _channels["advocacy"] = (who, purpose) => advocacy.ChannelAs(who.Agency, who.Role, purpose, who.Subject);
        _channels["meetings"] = (who, purpose) => meetings.ChannelAs(who.Agency, who.Role, purpose, who.Subject);
        _defaults["nhs"] = () => nhs.Channel;
        _defaults["police"] = () => police.Channel;
        _police = police.Services;
    }

    /// <summary>Publishes <paramref name="message"/> on the test bed's broker under <paramref name="messageId"/> (a resend, or a message out of order).</summary>
    public Task PublishAsync<T>(T message, Guid messageId) where T : class =>
        _police!.GetRequiredService<IBus>().Publish(message, context => context.MessageId = messageId);

    public Task DisposeAsync() => _bed.DisposeAsync();

    /// <summary>A channel to the service as its everyday role, for arranging what a test needs.</summary>
    public GrpcChannel Channel(string service) => _defaults[service]();

    /// <summary>A channel to the service as <paramref name="agency"/>/<paramref name="role"/> (the DPO is each agency's auditor).</summary>
    public GrpcChannel ChannelAs(string service, string agency, string role, string? purpose = null, string? subject = null) =>
        _channels[service](new CliIdentity(agency, role, subject ?? $"dev-{agency}-{role}"), purpose);

    /// <summary>The service's database, for a test that dumps it (pg_dump).</summary>
    public string ConnectionStringFor(string service) => _bed.ConnectionStringFor(service);

    /// <summary>Runs `masip ARGS` in process; the services are the test servers.</summary>
    public async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var env = new CliEnvironment(output, error, (service, who, purpose) => _channels[service](who, purpose), TimeProvider.System);
        var code = await MasipCli.RunAsync(args, env);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}

public sealed record CliRun(int Code, string Output, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;

    public CliRun Succeeded()
    {
        Assert.True(Code == 0, $"exit {Code}: {Error}");
        return this;
    }

    /// <summary>Exit 1, one error line with the gRPC status and its message, and never a stack trace.</summary>
    public CliRun FailedWith(string status, string messageStart)
    {
        Assert.Equal(1, Code);
        Assert.StartsWith($"error: {status}: {messageStart}", Error);
        Assert.DoesNotContain("   at ", Error);
        return this;
    }

    /// <summary>Exit 2 with a usage line, and never a stack trace.</summary>
    public CliRun BadUsage(string mentioning)
    {
        Assert.Equal(2, Code);
        Assert.Contains(mentioning, Error);
        Assert.Contains("usage: masip", Error);
        Assert.DoesNotContain("   at ", Error);
        Assert.Equal("", Output);
        return this;
    }
}
