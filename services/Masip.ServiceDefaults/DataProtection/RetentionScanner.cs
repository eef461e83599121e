using Masip.ServiceDefaults.Tenancy;
using Marten;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Masip.ServiceDefaults.DataProtection;

/// <summary>
/// Daily, one replica at a time (ExclusiveRun), pages through the records of every schedule line
/// whose last change is older than its period (by id) and opens a review for each, through the
/// pipeline, as the service: nothing is disposed of here, only listed for a reviewer.
/// </summary>
public sealed class RetentionScanner(IDocumentStore store, CommandPipeline pipeline, ExclusiveRun exclusive, TimeProvider clock,
    IOptions<RetentionOptions> options, ServiceIdentity service, ILogger<RetentionScanner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Schedules.Count == 0)
            return;
        using var timer = new PeriodicTimer(options.Value.ScanInterval, clock);
        try
        {
            do
            {
                try
                {
                    await exclusive.TryRunAsync("retention-scan", ScanOnce, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Retention scan failed: {Error}; trying again at the next tick", ex.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass over every schedule line; answers how many reviews it opened.</summary>
    public async Task<int> ScanOnce(CancellationToken ct)
    {
        var opened = 0;
        var actor = Actor.Service(service.Name, "retention-scan");
        var size = Math.Clamp(options.Value.PageSize, 1, 1000);
        foreach (var schedule in options.Value.Schedules)
        {
            var now = clock.GetUtcNow();
            string? after = null;
            while (true)
            {
                var page = await Page(schedule, now - schedule.ReviewAfter, after, size, ct);
                foreach (var (id, lastChanged) in page)
                {
                    var found = new RecordDueForReview(RetentionReview.IdFor(schedule.Record, id), schedule.Record, id, schedule.DataClass,
                        schedule.Source, lastChanged, lastChanged + schedule.ReviewAfter);
                    await pipeline.Run(actor, async scope =>
                    {
                        var stream = await scope.Stream<RetentionReview>(found.ReviewId);
                        var events = RetentionReview.Scan(stream.Aggregate, found, scope.Now);
                        stream.AppendMany(events);
                        opened += events.Count;
                    }, ct);
                }
                if (page.Count < size)
                    break;
                after = page[^1].Id;
            }
        }
        if (opened > 0)
            logger.LogInformation("Retention scan opened {Count} reviews", opened);
        return opened;
    }

    private async Task<IReadOnlyList<(string Id, DateTimeOffset LastChanged)>> Page(RetentionSchedule schedule, DateTimeOffset cutoff, string? after,
        int size, CancellationToken ct)
    {
        var rows = new List<(string, DateTimeOffset)>();
        await using var connection = await store.ConnectionForForce(ct);
        await connection.OpenAsync(ct);
        await using (var exists = new NpgsqlCommand("select to_regclass(@table) is not null", connection))
        {
            exists.Parameters.AddWithValue("table", $"{StoredRecords.Schema}.{schedule.Table}");
            if (await exists.ExecuteScalarAsync(ct) is not true)
                return rows;
        }
        await using var command = new NpgsqlCommand(
            $"select id::text, mt_last_modified from {StoredRecords.Schema}.{schedule.Table} where mt_last_modified < @cutoff " +
            "and (@after::text is null or id::text > @after) order by id::text limit @size", connection);
        command.Parameters.AddWithValue("cutoff", cutoff);
        command.Parameters.AddWithValue("after", (object?)after ?? DBNull.Value);
        command.Parameters.AddWithValue("size", size);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        return rows;
    }
}

/// <summary>Disposing of a record: its events (the audit's aside) and every document with its id are deleted, in the command's transaction.</summary>
public static class RecordDisposal
{
    public static async Task<int> Delete(NpgsqlConnection connection, string recordId, CancellationToken ct)
    {
        var deleted = 0;
        if (Guid.TryParse(recordId, out var stream))
        {
            await using var events = new NpgsqlCommand(
                $"delete from {StoredRecords.Schema}.mt_events where stream_id = @id and type <> @audit", connection);
            events.Parameters.AddWithValue("id", stream);
            events.Parameters.AddWithValue("audit", StoredRecords.AuditEventType);
            deleted += await events.ExecuteNonQueryAsync(ct);
            await using var streams = new NpgsqlCommand($"delete from {StoredRecords.Schema}.mt_streams where id = @id", connection);
            streams.Parameters.AddWithValue("id", stream);
            deleted += await streams.ExecuteNonQueryAsync(ct);
        }
        foreach (var table in await new StoredRecords(connection, ct).DocumentTables(includeExports: true))
        {
            await using var doc = new NpgsqlCommand($"delete from {StoredRecords.Schema}.{table} where id::text = @id", connection);
            doc.Parameters.AddWithValue("id", recordId);
            deleted += await doc.ExecuteNonQueryAsync(ct);
        }
        return deleted;
    }
}
