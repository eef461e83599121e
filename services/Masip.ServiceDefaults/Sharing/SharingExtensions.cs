using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Masip.ServiceDefaults.Tenancy;

namespace Masip.ServiceDefaults.Sharing;

public static class SharingExtensions
{
    public const string AgreementKey = "Masip:Sharing:Agreement";

    /// <summary>The agreement shipped with every service (deploy/sharing/agreement.yaml, copied beside the binaries).</summary>
    public static string DefaultAgreementPath => Path.Combine(AppContext.BaseDirectory, "sharing", "agreement.yaml");

    public static IServiceCollection AddMasipSharing(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            return SharingAgreements.Load(configuration, Forces.From(configuration), configuration[AgreementKey] ?? DefaultAgreementPath);
        });
        // The agreement of the force being served, resolved where it is used (a call, a message, a scan).
        services.AddTransient(provider => provider.GetRequiredService<SharingAgreements>().Current);
        services.AddSingleton(ContractCatalog.Default);
        services.AddHostedService<SharingStartupCheck>();
        return services;
    }
}

/// <summary>
/// Stops the service at start when the agreement is invalid (the message names the line) or
/// when a method it serves is unlabelled or names a role, purpose or class the agreement lacks.
/// </summary>
internal sealed class SharingStartupCheck(IServiceProvider services, ContractCatalog catalog) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var served = services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .Select(endpoint => endpoint.Metadata.GetMetadata<GrpcMethodMetadata>())
            .OfType<GrpcMethodMetadata>()
            .Select(metadata => catalog.Method(metadata.Method.FullName))
            .OfType<Google.Protobuf.Reflection.MethodDescriptor>()
            .Distinct();
        var problems = services.GetRequiredService<SharingAgreements>().All
            .SelectMany(agreement => ContractCheck.Methods(served, agreement)).Distinct().ToList();
        return problems.Count == 0
            ? Task.CompletedTask
            : throw new InvalidOperationException("The gRPC contracts do not fit the sharing agreement:\n  " + string.Join("\n  ", problems));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
