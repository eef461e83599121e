using System.Collections.Concurrent;
using System.Reflection;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Marten.Internal;
using Marten.Internal.Storage;
using Marten.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Masip.ServiceDefaults.Persistence;

/// <summary>
/// A bulk write path for a command that starts many streams at once (the overnight import, issue 15):
/// the session's pending NEW streams of the given inline-snapshot aggregates are taken out of the
/// session and written by binary COPY on the command's own connection and transaction (mt_streams,
/// mt_events, and the snapshot documents through Marten's own bulk loader), instead of one
/// plpgsql quick-append call per stream and one upsert per snapshot. Everything else the session
/// holds (appends to existing streams, other documents, the audit) is saved by Marten as before.
/// <para>
/// The rows are the ones Marten's quick append writes: the events are prepared by Marten's own
/// <see cref="StreamAction.PrepareEvents"/> (ids, versions, tenant, correlation and causation ids,
/// headers, user name, timestamps), their sequence numbers come from the store's event sequence
/// inside the transaction (so the async daemon's high-water mark, the outbox relay and the audit
/// sealer treat them like any other append), and the LISTEN/NOTIFY wake-up is sent. The snapshots
/// are folded in memory with the aggregate's own Create/Apply methods (the conventions Marten's
/// Snapshot projection uses) and carry the stream's version as their revision. A stream whose
/// events the aggregate cannot fold this way stays in the session, on Marten's path. Only for
/// aggregates whose events no OTHER inline projection reads (a snapshot is all that is inline).
/// </para>
/// </summary>
public static class NewStreamsCopy
{
    /// <summary>Marten's wake-up channel for the async daemon (UseListenNotifyForEventAppends).</summary>
    private const string AppendChannel = "mt_events_appended";

    /// <summary>The primary key of mt_streams: a COPY hitting it is another writer starting the same stream.</summary>
    public const string StreamKey = "pkey_mt_streams_id";

    /// <summary>Writes the session's pending new streams of <paramref name="snapshots"/>' aggregates; how many, and where the time went.</summary>
    public static async Task<NewStreamsWritten> WritePendingNewStreams(IDocumentSession session, CancellationToken ct, params BulkSnapshot[] snapshots)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var pending = session.PendingChanges.Streams();
        var chosen = new List<(StreamAction Stream, BulkSnapshot Snapshot)>();
        foreach (var stream in pending)
        {
            if (stream.ActionType != StreamActionType.Start || stream.Events.Count == 0 || stream.ExpectedVersionOnServer is > 0)
                continue;
            if (snapshots.FirstOrDefault(s => s.AggregateType == stream.AggregateType) is { } snapshot && snapshot.CanFold(stream.Events))
                chosen.Add((stream, snapshot));
        }
        if (chosen.Count == 0)
            return NewStreamsWritten.None;
        foreach (var (stream, _) in chosen)
            pending.Remove(stream);

        var store = session.DocumentStore;
        var events = (EventGraph)store.Options.Events;
        var schema = events.DatabaseSchemaName;
        var connection = session.Connection;
        var serializer = store.Options.Serializer();

        // Sequence numbers drawn inside the transaction, as the quick-append function draws them.
        var count = chosen.Sum(c => c.Stream.Events.Count);
        var sequences = new Queue<long>(count);
        await using (var next = new NpgsqlCommand($"select nextval('{schema}.mt_events_sequence') from generate_series(1, $1)", connection))
        {
            next.Parameters.Add(new NpgsqlParameter { Value = count });
            await using var reader = await next.ExecuteReaderAsync(ct);
            var drawn = new List<long>(count);
            while (await reader.ReadAsync(ct))
                drawn.Add(reader.GetInt64(0));
            drawn.Sort();
            foreach (var seq in drawn)
                sequences.Enqueue(seq);
        }
        var metadata = (IMartenSession)session;
        foreach (var (stream, _) in chosen)
        {
            stream.PrepareEvents(0, events, sequences, metadata);
            // Quick-append mode leaves the sequence (and where unset, the version) to the server: ours.
            var version = 0;
            foreach (var e in stream.Events)
            {
                version++;
                if (e.Sequence == 0)
                    e.Sequence = sequences.Dequeue();
                if (e.Version == 0)
                    e.Version = version;
                if (e.Timestamp == default)
                    e.Timestamp = DateTimeOffset.UtcNow;
            }
            stream.Version = version;
        }

        var prepared = clock.Elapsed;
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"copy {schema}.mt_streams (id, type, version, tenant_id) from stdin (format binary)", ct))
        {
            foreach (var (stream, _) in chosen)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(stream.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(stream.AggregateTypeName, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(stream.Version, NpgsqlDbType.Bigint, ct);
                await WriteNullable(copy, stream.TenantId, NpgsqlDbType.Varchar, ct);
            }
            await copy.CompleteAsync(ct);
        }

        var streamsCopied = clock.Elapsed;
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"copy {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, "
            + "correlation_id, causation_id, headers, user_name, is_archived) from stdin (format binary)", ct))
        {
            foreach (var (stream, _) in chosen)
                foreach (var e in stream.Events)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(e.Sequence, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(stream.Id, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(e.Version, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(serializer.ToJson(e.Data), NpgsqlDbType.Jsonb, ct);
                    await copy.WriteAsync(e.EventTypeName, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(e.Timestamp, NpgsqlDbType.TimestampTz, ct);
                    await WriteNullable(copy, e.TenantId, NpgsqlDbType.Varchar, ct);
                    await WriteNullable(copy, e.DotNetTypeName, NpgsqlDbType.Varchar, ct);
                    await WriteNullable(copy, e.CorrelationId, NpgsqlDbType.Varchar, ct);
                    await WriteNullable(copy, e.CausationId, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(serializer.ToJson(e.Headers), NpgsqlDbType.Jsonb, ct);
                    await WriteNullable(copy, e.UserName, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                }
            await copy.CompleteAsync(ct);
        }

        var eventsCopied = clock.Elapsed;
        var snapshotSteps = new List<string>();
        foreach (var group in chosen.GroupBy(c => c.Snapshot))
            snapshotSteps.Add(await group.Key.WriteAsync(session, [.. group.Select(c => c.Stream)], ct));
        var snapshotsWritten = clock.Elapsed;

        await using (var notify = new NpgsqlCommand($"select pg_notify('{AppendChannel}', '')", connection))
            await notify.ExecuteNonQueryAsync(ct);
        return new NewStreamsWritten(chosen.Count, prepared, streamsCopied - prepared, eventsCopied - streamsCopied, snapshotsWritten - eventsCopied,
            string.Join("; ", snapshotSteps));
    }

    private static Task WriteNullable(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);
}

/// <summary>
/// What <see cref="NewStreamsCopy.WritePendingNewStreams"/> wrote and where its time went (issue 15.7):
/// preparing the events (sequence numbers drawn), the COPY of mt_streams, the COPY of mt_events, and
/// the snapshot documents (folded, bulk-loaded through Marten's temp table, inserted).
/// </summary>
public sealed record NewStreamsWritten(int Streams, TimeSpan Prepare, TimeSpan StreamsCopy, TimeSpan EventsCopy, TimeSpan Snapshots, string SnapshotSteps)
{
    public static readonly NewStreamsWritten None = new(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, "");

    public override string ToString() =>
        $"{Streams} new streams: prepared in {Prepare.TotalMilliseconds:0} ms, mt_streams COPY {StreamsCopy.TotalMilliseconds:0} ms, "
        + $"mt_events COPY {EventsCopy.TotalMilliseconds:0} ms, snapshot documents {Snapshots.TotalMilliseconds:0} ms ({SnapshotSteps})";
}

/// <summary>An inline snapshot aggregate the bulk path folds and writes itself (see <see cref="NewStreamsCopy"/>).</summary>
public abstract class BulkSnapshot
{
    public abstract Type AggregateType { get; }

    public static BulkSnapshot Of<T>() where T : notnull => BulkSnapshot<T>.Instance;

    internal abstract bool CanFold(IReadOnlyList<IEvent> events);

    /// <summary>Folds and writes the snapshots; where the time went, in one line.</summary>
    internal abstract Task<string> WriteAsync(IDocumentSession session, IReadOnlyList<StreamAction> streams, CancellationToken ct);
}

internal sealed class BulkSnapshot<T> : BulkSnapshot where T : notnull
{
    public static readonly BulkSnapshot<T> Instance = new();
    private static readonly ConcurrentDictionary<Type, MethodInfo?> Creators = new();
    private static readonly ConcurrentDictionary<Type, MethodInfo?> Appliers = new();

    public override Type AggregateType => typeof(T);

    internal override bool CanFold(IReadOnlyList<IEvent> events) =>
        Creator(events[0].EventType) is not null && events.Skip(1).All(e => Applier(e.EventType) is not null);

    internal override async Task<string> WriteAsync(IDocumentSession session, IReadOnlyList<StreamAction> streams, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var documents = new List<T>(streams.Count);
        foreach (var stream in streams)
        {
            var aggregate = (T)Creator(stream.Events[0].EventType)!.Invoke(null, [stream.Events[0].Data])!;
            foreach (var e in stream.Events.Skip(1))
                aggregate = (T)Applier(e.EventType)!.Invoke(aggregate, [e.Data])!;
            documents.Add(aggregate);
        }
        var folded = clock.Elapsed;
        var loader = ((MartenDocumentProvider<T>)session.Database.Providers.StorageFor<T>()).BulkLoader;
        var tenant = new Tenant(session.TenantId, session.Database);
        var connection = session.Connection;
        var serializer = session.DocumentStore.Options.Serializer();
        // Marten's own bulk loader (every duplicated column, type and metadata) into its temp table;
        // the revision is the stream's version, as the inline Snapshot projection writes it.
        var create = loader.CreateTempTableForCopying();
        var temp = create.Split(' ', 5)[3];
        await using (var command = new NpgsqlCommand($"drop table if exists {temp}; {create}", connection))
            await command.ExecuteNonQueryAsync(ct);
        var created = clock.Elapsed;
        await loader.LoadIntoTempTableAsync(tenant, serializer, connection, documents, ct);
        var loaded = clock.Elapsed;
        await using var batch = new NpgsqlBatch(connection);
        var revisions = new NpgsqlBatchCommand($"update {temp} t set mt_version = v.version from unnest($1, $2) as v(id, version) where t.id = v.id");
        revisions.Parameters.Add(new NpgsqlParameter { Value = streams.Select(s => s.Id).ToArray() });
        revisions.Parameters.Add(new NpgsqlParameter { Value = streams.Select(s => s.Version).ToArray() });
        batch.BatchCommands.Add(revisions);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(loader.CopyNewDocumentsFromTempTable()));
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"drop table {temp}"));
        await batch.ExecuteNonQueryAsync(ct);
        return $"{typeof(T).Name} x{documents.Count}: fold {folded.TotalMilliseconds:0} ms, temp table {(created - folded).TotalMilliseconds:0} ms, "
            + $"COPY into it {(loaded - created).TotalMilliseconds:0} ms, revisions and insert {(clock.Elapsed - loaded).TotalMilliseconds:0} ms";
    }

    private static MethodInfo? Creator(Type eventType) => Creators.GetOrAdd(eventType, type =>
        typeof(T).GetMethod("Create", BindingFlags.Public | BindingFlags.Static, [type]) is { } m && m.ReturnType == typeof(T) ? m : null);

    private static MethodInfo? Applier(Type eventType) => Appliers.GetOrAdd(eventType, type =>
        typeof(T).GetMethod("Apply", BindingFlags.Public | BindingFlags.Instance, [type]) is { } m && m.ReturnType == typeof(T) ? m : null);
}
