using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Masip.ServiceDefaults.Sharing;

public static class SharingExtensions
{
    public const string AgreementKey = "Masip:Sharing:Agreement";

    /// <summary>The agreement shipped with every service (deploy/sharing/agreement.yaml, copied beside the binaries).</summary>
    public static string DefaultAgreementPath => Path.Combine(AppContext.BaseDirectory, "sharing", "agreement.yaml");

    public static IServiceCollection AddMasipSharing(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
            SharingAgreement.LoadFile(provider.GetRequiredService<IConfiguration>()[AgreementKey] ?? DefaultAgreementPath));
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
        var agreement = services.GetRequiredService<SharingAgreement>();
        var served = services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .Select(endpoint => endpoint.Metadata.GetMetadata<GrpcMethodMetadata>())
            .OfType<GrpcMethodMetadata>()
            .Select(metadata => catalog.Method(metadata.Method.FullName))
            .OfType<Google.Protobuf.Reflection.MethodDescriptor>()
            .Distinct();
        var problems = ContractCheck.Methods(served, agreement);
        return problems.Count == 0
            ? Task.CompletedTask
            : throw new InvalidOperationException("The gRPC contracts do not fit the sharing agreement:\n  " + string.Join("\n  ", problems));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
