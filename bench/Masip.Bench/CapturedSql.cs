using Marten;
using Marten.Services;
using Npgsql;

namespace Masip.Bench;

/// <summary>The statements a query session runs (text and parameters), to replay them without Marten.</summary>
public sealed class CapturedSql : IMartenSessionLogger
{
    public List<(string Text, NpgsqlParameter[] Parameters)> Commands { get; } = [];

    /// <summary>Runs the captured statements on <paramref name="connection"/>, reading every row.</summary>
    public async Task ReplayAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        foreach (var (text, parameters) in Commands)
        {
            await using var command = new NpgsqlCommand(text, connection);
            command.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                _ = reader.GetValue(0);
        }
    }

    /// <summary>Runs each captured statement alone and times it (its first 120 characters and milliseconds).</summary>
    public async Task<List<(string Text, double Ms)>> TimeEachAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var timings = new List<(string, double)>();
        foreach (var (text, parameters) in Commands)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await using var command = new NpgsqlCommand(text, connection);
            command.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            var rows = 0;
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                    rows++;
            var flat = text.ReplaceLineEndings(" ");
            timings.Add(($"{rows} rows: {(flat.Length > 120 ? flat[..120] : flat)}", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        }
        return timings;
    }

    /// <summary>The plan PostgreSQL ran statement <paramref name="index"/> with (EXPLAIN ANALYZE, BUFFERS), line by line.</summary>
    public async Task<List<string>> ExplainAsync(NpgsqlConnection connection, int index, CancellationToken ct)
    {
        var (text, parameters) = Commands[index];
        await using var command = new NpgsqlCommand("explain (analyze, buffers) " + text, connection);
        command.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            lines.Add(reader.GetString(0));
        return lines;
    }

    public void LogSuccess(NpgsqlCommand command) =>
        Commands.Add((command.CommandText, command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToArray()));

    public void LogSuccess(NpgsqlBatch batch)
    {
        foreach (var command in batch.BatchCommands)
            Commands.Add((command.CommandText, command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToArray()));
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) { }

    public void LogFailure(NpgsqlBatch batch, Exception ex) { }

    public void LogFailure(Exception ex, string message) { }

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }

    public void OnBeforeExecute(NpgsqlCommand command) { }

    public void OnBeforeExecute(NpgsqlBatch batch) { }
}
