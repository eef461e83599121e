using JasperFx;

namespace Masip.ServiceDefaults.Persistence;

/// <summary>
/// Another writer got to the stream first: an optimistic-concurrency conflict, two writers
/// starting the same stream, or (quick append mode) two appends colliding on the stream's
/// version key. Retry by reading again and deciding again.
/// </summary>
public static class WriteConflicts
{
    private const string StreamVersionKey = "pk_mt_events_stream_and_version";

    public static bool IsConflict(Exception ex) => ex switch
    {
        ConcurrencyException => true,
        JasperFx.Events.ExistingStreamIdCollisionException => true,
        Marten.Exceptions.ExistingStreamIdCollisionException => true,
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: StreamVersionKey } => true,
        _ => ex.InnerException is { } inner && IsConflict(inner),
    };
}
