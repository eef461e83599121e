using System.Reflection;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Health;
using Masip.ServiceDefaults.Messaging;
using Masip.ServiceDefaults.Persistence;
using Masip.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Masip.ServiceDefaults;

public static class ServiceDefaults
{
    /// <summary>
    /// The one line each service's Program.cs calls: Marten on its own database with the
    /// outbox relay, MassTransit on RabbitMQ, OpenTelemetry, health checks, gRPC with the error
    /// interceptor. <paramref name="service"/> is the short name ("police"): it names the
    /// database (masip_police), the queues (police-...) and the telemetry resource. Every
    /// MassTransit consumer in <paramref name="serviceAssembly"/> is registered; a service's
    /// modules add their Marten registrations with <c>services.ConfigureMarten</c>.
    /// </summary>
    public static WebApplicationBuilder AddMasipDefaults(
        this WebApplicationBuilder builder, string service, Assembly serviceAssembly)
    {
        builder.AddMasipMarten(service);
        builder.AddMasipMessaging(service, serviceAssembly);
        builder.AddMasipTelemetry(service);
        builder.Services.AddMasipHealthChecks();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<ErrorInterceptor>();
            grpc.EnableDetailedErrors = false;
        });
        if (builder.Environment.IsDevelopment())
            builder.Services.AddGrpcReflection();
        return builder;
    }

    /// <summary>Maps the health endpoints and, in development, gRPC reflection.</summary>
    public static WebApplication MapMasipDefaults(this WebApplication app)
    {
        app.MapMasipHealth();
        if (app.Environment.IsDevelopment())
            app.MapGrpcReflectionService();
        return app;
    }
}
