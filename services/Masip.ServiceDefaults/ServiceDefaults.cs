using System.Reflection;
using Masip.ServiceDefaults.Audit;
using Masip.ServiceDefaults.Caseload;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.DataProtection;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Identity;
using Masip.ServiceDefaults.Sharing;
using Masip.ServiceDefaults.Health;
using Masip.ServiceDefaults.HttpJson;
using Masip.ServiceDefaults.Messaging;
using Masip.ServiceDefaults.Persistence;
using Masip.ServiceDefaults.Telemetry;
using Masip.ServiceDefaults.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Masip.ServiceDefaults;

/// <summary>This service's short name ("police"): its agency in audit entries and message checks.</summary>
public sealed record ServiceIdentity(string Name);

public static class ServiceDefaults
{
    /// <summary>
    /// The one line each service's Program.cs calls: Marten on its own database with the
    /// outbox relay, MassTransit on RabbitMQ, OpenTelemetry, health checks, gRPC with the error
    /// interceptor, HTTP/JSON transcoding of every rpc. <paramref name="service"/> is the short name ("police"): it names the
    /// database (masip_police), the queues (police-...) and the telemetry resource. Every
    /// MassTransit consumer in <paramref name="serviceAssembly"/> is registered; a service's
    /// modules add their Marten registrations with <c>services.ConfigureMarten</c>.
    /// </summary>
    public static WebApplicationBuilder AddMasipDefaults(
        this WebApplicationBuilder builder, string service, Assembly serviceAssembly)
    {
        // First, so a bad agreement or an unlabelled contract stops the service before anything runs.
        builder.Services.AddMasipSharing();
        builder.Services.AddSingleton(new ServiceIdentity(service));
        builder.AddMasipAuthentication();
        builder.AddMasipMarten(service);
        builder.AddMasipMessaging(service, serviceAssembly);
        builder.AddMasipTelemetry(service);
        builder.Services.AddMasipHealthChecks();
        builder.Services.AddSingleton(TimeProvider.System);
        // Resolved by a start-up check: a service without its audit key refuses to start, saying which setting is missing.
        builder.Services.AddSingleton(provider => AuditKey.From(
            provider.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), provider.GetRequiredService<IHostEnvironment>()));
        builder.Services.AddHostedService<AuditKeyStartupCheck>();
        builder.Services.AddSingleton<DisclosureAuditor>();
        builder.Services.AddSingleton<AuditVerifier>();
        builder.Services.AddSingleton<ReplyDisclosure>();
        builder.Services.AddCaseload();
        builder.Services.AddCommandPipeline();
        builder.Services.AddSingleton<ExclusiveRun>();
        builder.Services.AddSubjectRights();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<ErrorInterceptor>();
            grpc.Interceptors.Add<SharingInterceptor>();
            grpc.Interceptors.Add<RequestBoundsInterceptor>();
            grpc.EnableDetailedErrors = false;
        });
        builder.Services.AddMasipHttpJson(service);
        if (builder.Environment.IsDevelopment())
            builder.Services.AddGrpcReflection();
        return builder;
    }

    /// <summary>Maps the health endpoints, the OpenAPI document, the disclosure audit and, in development, gRPC reflection.</summary>
    public static WebApplication MapMasipDefaults(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMasipForces();
        app.MapMasipHealth();
        app.MapMasipOpenApi();
        app.MapGrpcService<DisclosureAuditGrpc>();
        app.MapGrpcService<OutboxGrpc>();
        app.MapGrpcService<DataProtectionGrpc>();
        app.MapGrpcService<CaseloadGrpc>();
        if (app.Environment.IsDevelopment())
            app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }
}
