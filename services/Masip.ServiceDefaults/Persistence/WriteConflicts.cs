using JasperFx;

namespace Masip.ServiceDefaults.Persistence;

/// <summary>
/// Another writer got there first: an optimistic-concurrency conflict, two writers starting the
/// same stream (also by COPY), (quick append mode) two appends colliding on the stream's version key, or two
/// writers claiming the same value of a document's unique index ("mt_doc_..._uidx_...", e.g. the
/// same victim referred twice at once), or a row changed since the command's snapshot was taken
/// (repeatable read: a serialization failure; or a deadlock). Retry by reading again and deciding again: the decider
/// then sees the other writer's work (and links, refuses or does nothing).
/// </summary>
public static class WriteConflicts
{
    private const string StreamVersionKey = "pk_mt_events_stream_and_version";
    private const string UniqueIndexMarker = "_uidx_";

    public static bool IsConflict(Exception ex) => ex switch
    {
        ConcurrencyException => true,
        JasperFx.Events.ExistingStreamIdCollisionException => true,
        Marten.Exceptions.ExistingStreamIdCollisionException => true,
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.SerializationFailure } => true,
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.DeadlockDetected } => true,
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: StreamVersionKey } => true,
        // Two writers starting the same stream by COPY (NewStreamsCopy): the bulk path's stream collision.
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: NewStreamsCopy.StreamKey } => true,
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: { } name }
            when name.Contains(UniqueIndexMarker, StringComparison.Ordinal) => true,
        _ => ex.InnerException is { } inner && IsConflict(inner),
    };
}
