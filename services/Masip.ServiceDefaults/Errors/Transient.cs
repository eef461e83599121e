using System.Net.Sockets;
using Npgsql;

namespace Masip.ServiceDefaults.Errors;

/// <summary>
/// The database or the broker cannot be reached right now (restarting, failing over, out of
/// connections): the caller may retry (gRPC Unavailable), unlike a fault of ours (Internal).
/// </summary>
public static class Transient
{
    public static bool IsUnavailable(Exception ex) => ex switch
    {
        PostgresException pg => IsUnavailableState(pg.SqlState),
        NpgsqlException { IsTransient: true } => true,
        NpgsqlException { InnerException: SocketException or IOException or TimeoutException } => true,
        SocketException => true,
        MassTransit.RabbitMqConnectionException => true,
        _ => ex.InnerException is { } inner && IsUnavailable(inner),
    };

    // Class 08 (connection exception), 57P01-57P03 (shutdown, crash, cannot connect now), 53300 (too many connections).
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03" or "53300";
}
