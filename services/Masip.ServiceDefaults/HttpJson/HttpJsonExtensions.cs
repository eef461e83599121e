using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi.Models;

namespace Masip.ServiceDefaults.HttpJson;

/// <summary>
/// HTTP/JSON for every rpc, from the same contracts: gRPC JSON transcoding of each method's
/// <c>google.api.http</c> rule (<c>POST /v1/{package}/{Service}/{Method}</c>, the request as the
/// body), and an OpenAPI document of them. A transcoded call runs the same pipeline as a gRPC
/// call: JWT bearer authentication, the error, sharing and request-bounds interceptors, the
/// reply filter and the disclosure audit; its HTTP status is the gRPC status's (Unauthenticated
/// 401, PermissionDenied 403, InvalidArgument 400, NotFound 404, ...). It is served on every
/// endpoint of the service, and so on the HTTP/1.1 port beside the health endpoints.
/// </summary>
public static class HttpJsonExtensions
{
    public const string DocumentName = "v1";
    public const string DocumentRoute = "openapi/{documentName}.json";

    /// <summary>The path of a method's HTTP/JSON route: the one shape every rpc's http rule has.</summary>
    public static string RoutePath(MethodDescriptor method) =>
        $"/v1/{method.File.Package}/{method.Service.Name}/{method.Name}";

    /// <summary>Transcoding on the gRPC services, and the OpenAPI document of the routes.</summary>
    public static IServiceCollection AddMasipHttpJson(this IServiceCollection services, string service)
    {
        services.AddGrpc().AddJsonTranscoding();
        services.AddGrpcSwagger();
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = $"MASIP {service}",
                Version = DocumentName,
                Description = "HTTP/JSON of this service's gRPC API (contracts/Masip.Contracts/Protos). "
                    + "Every call needs a bearer token; x-masip-purpose and x-masip-reason are read as on gRPC.",
            });
            // Message names repeat across agencies' packages (GetReferralRequest): the proto's full name is unique.
            swagger.CustomSchemaIds(SchemaId);
            swagger.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
            });
            swagger.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "bearer" } }] = [],
            });
        });
        return services;
    }

    /// <summary>The OpenAPI document at /openapi/v1.json, open like the health endpoints: it describes the contracts, no data.</summary>
    public static WebApplication MapMasipOpenApi(this WebApplication app)
    {
        app.MapSwagger("/" + DocumentRoute).AllowAnonymous();
        return app;
    }

    private static string SchemaId(Type type) =>
        typeof(IMessage).IsAssignableFrom(type)
        && type.GetProperty("Descriptor", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null) is MessageDescriptor descriptor
            ? descriptor.FullName
            : type.FullName?.Replace('+', '.') ?? type.Name;
}
