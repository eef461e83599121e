using Microsoft.Extensions.Configuration;
using Masip.ServiceDefaults.Persistence;

namespace Masip.ServiceDefaults;

/// <summary>
/// The configuration every service reads. Environment variables use the usual double
/// underscore: ConnectionStrings__postgres, ConnectionStrings__rabbitmq, Masip__Database.
/// </summary>
public static class MasipConfiguration
{
    /// <summary>The PostgreSQL server (no database: each service names its own).</summary>
    public const string PostgresKey = "ConnectionStrings:postgres";

    /// <summary>The RabbitMQ broker as an AMQP URI: amqp://user:password@host:port/vhost.</summary>
    public const string RabbitMqKey = "ConnectionStrings:rabbitmq";

    /// <summary>Overrides the database name (tests give each class its own).</summary>
    public const string DatabaseKey = "Masip:Database";

    public static string PostgresFor(IConfiguration configuration, string service)
    {
        var server = configuration[PostgresKey]
            ?? throw new InvalidOperationException($"Configuration '{PostgresKey}' is missing: the PostgreSQL server to use (deploy/masip env prints it).");
        var database = configuration[DatabaseKey] ?? $"masip_{service}";
        return PostgresDatabase.For(server, database);
    }

    public static Uri RabbitMq(IConfiguration configuration)
    {
        var value = configuration[RabbitMqKey]
            ?? throw new InvalidOperationException($"Configuration '{RabbitMqKey}' is missing: the RabbitMQ broker as amqp://user:password@host:port/vhost.");
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps"))
            throw new InvalidOperationException($"Configuration '{RabbitMqKey}' must be an amqp:// URI.");
        return uri;
    }
}
