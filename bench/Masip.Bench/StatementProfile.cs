using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Marten;
using Marten.Services;
using Npgsql;

namespace Masip.Bench;

/// <summary>
/// Where a store's database time goes: every statement (or batch) any session of the store runs
/// while this logger is set, timed from just before it is sent until Marten logs it done, summed by
/// its kind (its first words and table). Set with <c>StoreOptions.Logger</c>; sessions started
/// before keep the logger they had.
/// </summary>
public sealed class StatementProfile : IMartenLogger, IMartenSessionLogger
{
    private readonly ConditionalWeakTable<object, StrongBox<long>> _started = new();
    private readonly ConcurrentDictionary<string, (int Count, double Ms)> _byKind = new();
    private readonly ConcurrentDictionary<string, (string Text, NpgsqlParameter[] Parameters)> _samples = new();

    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) { }

    public void OnBeforeExecute(NpgsqlCommand command) => _started.AddOrUpdate(command, new StrongBox<long>(Stopwatch.GetTimestamp()));

    public void OnBeforeExecute(NpgsqlBatch batch) => _started.AddOrUpdate(batch, new StrongBox<long>(Stopwatch.GetTimestamp()));

    public void LogSuccess(NpgsqlCommand command)
    {
        // An event page names the event types it asks for: which projection or subscription read it.
        var types = command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Value).OfType<string[]>().FirstOrDefault();
        var text = types is { Length: > 0 } ? $"{command.CommandText} [types {types[0]}, ...]" : command.CommandText;
        Done(command, text);
        _samples.TryAdd(Kind(text), (command.CommandText, command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToArray()));
    }

    /// <summary>The first statement of a kind seen (a single command, not a batch), to EXPLAIN it.</summary>
    public (string Text, NpgsqlParameter[] Parameters)? Sample(string kind) => _samples.TryGetValue(kind, out var sample) ? sample : null;

    public void LogSuccess(NpgsqlBatch batch) =>
        Done(batch, $"batch of {batch.BatchCommands.Count}: " + string.Join(" + ", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => Kind(c.CommandText)).Distinct()));

    public void LogFailure(NpgsqlCommand command, Exception ex) { }

    public void LogFailure(NpgsqlBatch batch, Exception ex) { }

    public void LogFailure(Exception ex, string message) { }

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }

    /// <summary>Each kind of statement: how many ran and their total milliseconds, the most expensive first.</summary>
    public IEnumerable<(string Kind, int Count, double Ms)> Totals() =>
        _byKind.Select(k => (k.Key, k.Value.Count, k.Value.Ms)).OrderByDescending(k => k.Ms);

    private void Done(object command, string text)
    {
        if (!_started.TryGetValue(command, out var started))
            return;
        var ms = Stopwatch.GetElapsedTime(started.Value).TotalMilliseconds;
        var kind = text.StartsWith("batch of ", StringComparison.Ordinal) ? text : Kind(text);
        _byKind.AddOrUpdate(kind, (1, ms), (_, t) => (t.Count + 1, t.Ms + ms));
    }

    private static string Kind(string text)
    {
        var flat = string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        var from = flat.IndexOf(" from ", StringComparison.OrdinalIgnoreCase);
        var head = flat.Length > 48 ? flat[..48] : flat;
        var types = flat.IndexOf(" [types ", StringComparison.Ordinal);
        return (from > 0 && from + 6 < flat.Length ? $"{head} ... from {flat[(from + 6)..].Split(' ')[0]}" : head)
            + (types > 0 ? flat[types..] : "");
    }
}
