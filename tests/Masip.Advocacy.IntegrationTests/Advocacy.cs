using Grpc.Core;
using MassTransit;
using Masip.Contracts.Advocacy;
using Masip.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Masip.Advocacy.IntegrationTests;

/// <summary>The two gRPC clients, and the steps that take a synthetic referral to where a test starts.</summary>
public sealed class Advocacy
{
    private readonly ServiceUnderTest<AdvocacyHost> _host;
    private readonly TestBed _bed;

    public Advocacy(ServiceUnderTest<AdvocacyHost> host, TestBed bed)
    {
        _host = host;
        _bed = bed;
        Referrals = new(host.Channel);
        Support = new(host.Channel);
        Consumed = ConsumedMessages.ObserveBusOf(host, bed);
    }

    /// <summary>As the default test advocate (subject "test-advocacy-advocate").</summary>
    public AdvocacyReferrals.AdvocacyReferralsClient Referrals { get; }
    public AdvocacySupport.AdvocacySupportClient Support { get; }

    /// <summary>Every message the service's consumers have finished with: a barrier that needs no sleep.</summary>
    public ConsumedMessages Consumed { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>The referral clients as the advocate with this token subject.</summary>
    public AdvocacyReferrals.AdvocacyReferralsClient ReferralsAs(string subject) => new(_host.ChannelAs("advocacy", "advocate", subject: subject));

    public AdvocacySupport.AdvocacySupportClient SupportAs(string subject) => new(_host.ChannelAs("advocacy", "advocate", subject: subject));

    public static RecordReferralRequest NewReferral(string? crimeReference = null, string source = "helpline") => new()
    {
        ReferralId = Guid.NewGuid().ToString(),
        Source = source,
        CrimeReference = crimeReference ?? "CRIS-IT-" + Random.Shared.Next(100000, 999999),
        VictimName = "Test Person " + Random.Shared.Next(1, 9999),
        VictimPhone = "07700 900" + Random.Shared.Next(100, 999),
        Reason = "victim rang the helpline",
    };

    public async Task<ReferralReply> Recorded(RecordReferralRequest? request = null) =>
        await Referrals.RecordReferralAsync(request ?? NewReferral());

    public async Task<ReferralReply> Accepted(RecordReferralRequest? request = null)
    {
        var referral = await Recorded(request);
        return await Referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = referral.ReferralId });
    }

    /// <summary>Accepted and triaged with the given number of SASH "yes" answers (10+ high, 5-9 medium, else standard).</summary>
    public async Task<ReferralReply> Triaged(int yes = 10, RecordReferralRequest? request = null)
    {
        var referral = await Accepted(request);
        var triage = new TriageReferralRequest { ReferralId = referral.ReferralId };
        for (var i = 1; i <= 12; i++)
            triage.SashAnswers.Add(new SashAnswer { Question = $"q{i:00}", Yes = i <= yes });
        return await Referrals.TriageReferralAsync(triage);
    }

    public async Task<EpisodeReply> Allocated(string advocateId, int yes = 10)
    {
        var referral = await Triaged(yes);
        return await Support.AllocateSupportAsync(new AllocateSupportRequest { ReferralId = referral.ReferralId, AdvocateId = advocateId });
    }

    public static async Task<RpcException> Refused(Func<Task> call, StatusCode code, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail);
        return error;
    }

    /// <summary>A number from the service's own database (counting events, say).</summary>
    public async Task<long> Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(_bed.ConnectionStringFor(AdvocacyHost.Name));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A text from the service's own database.</summary>
    public async Task<string?> Text(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(_bed.ConnectionStringFor(AdvocacyHost.Name));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return (string?)await command.ExecuteScalarAsync();
    }
}
