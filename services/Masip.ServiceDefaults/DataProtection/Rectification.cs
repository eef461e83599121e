using System.Globalization;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace Masip.ServiceDefaults.DataProtection;

/// <summary>
/// An event a data-protection officer's right-of-the-subject action appends to a person's record
/// (a correction): a restriction of processing does not hold it back (Art. 18(1)(a): the accuracy
/// the person contests is what gets corrected while processing is restricted).
/// </summary>
public interface IDataProtectionAction;

/// <summary>
/// One personal-data field of one record corrected (UK GDPR Art. 16; DPA 2018 s46). It supersedes
/// the field from its version on: the earlier events stay as they were; each record's projection
/// applies it, so every view shows the corrected value. <see cref="Version"/> is the record's
/// version this event has; with <see cref="RectifiedAt"/> it orders corrections of the same field.
/// </summary>
public sealed record RecordRectified(
    Guid RecordId, string Record, string Field, string? OldValue, string NewValue, string Reason,
    string RectifiedBy, DateTimeOffset RectifiedAt, long Version, long? SourceVersion = null) : IDataProtectionAction;

/// <summary>One correction, as the history lists it (stored with the event, in its transaction).</summary>
public sealed class RectificationEntry
{
    public Guid Id { get; set; }
    public Guid RecordId { get; set; }
    public string Record { get; set; } = "";
    public string Field { get; set; } = "";
    public string? OldValue { get; set; }
    public string NewValue { get; set; } = "";
    public string Reason { get; set; } = "";
    public string RectifiedBy { get; set; } = "";
    public DateTimeOffset RectifiedAt { get; set; }
    public long Version { get; set; }

    public static RectificationEntry From(RecordRectified e) => new()
    {
        Id = Persistence.DeterministicId.For("rectification", e.RecordId, e.Version.ToString(CultureInfo.InvariantCulture)),
        RecordId = e.RecordId, Record = e.Record, Field = e.Field, OldValue = e.OldValue, NewValue = e.NewValue, Reason = e.Reason,
        RectifiedBy = e.RectifiedBy, RectifiedAt = e.RectifiedAt, Version = e.Version,
    };
}

/// <summary>
/// One field of a record type that may be corrected: how to read its current value, and how a new
/// value is checked (as the original field is: its bound, a line, a date).
/// </summary>
public sealed record RectifiableField<T>(string Name, Func<T, string?> Current, Func<string, string> Validate);

/// <summary>
/// Corrects the copies this agency keeps of a corrected record's field in its other records (the
/// police's referral of the case's victim), in the correction's transaction: every view agrees.
/// </summary>
public delegate Task CorrectCopies<T>(CommandScope scope, T record, RecordRectified rectified);

/// <summary>A record type whose personal-data fields can be corrected (each service declares its own).</summary>
public interface IRectifiableRecord
{
    /// <summary>The record type as RectifyRecord names it (police: case).</summary>
    string Record { get; }

    IReadOnlyList<string> Fields { get; }

    /// <summary>Decides the correction on the record's stream: the event, or null when the field already holds the value.</summary>
    Task<RecordRectified?> Rectify(CommandScope scope, Guid recordId, string field, string value, string reason);
}

public sealed class RectifiableRecord<T>(string record, IReadOnlyList<RectifiableField<T>> fields, CorrectCopies<T>? copies = null)
    : IRectifiableRecord where T : class
{
    public string Record => record;

    public IReadOnlyList<string> Fields { get; } = [.. fields.Select(f => f.Name)];

    public async Task<RecordRectified?> Rectify(CommandScope scope, Guid recordId, string field, string value, string reason)
    {
        var rectifiable = fields.FirstOrDefault(f => f.Name == field)
            ?? throw new InvalidFieldException("field", $"a {record} has no rectifiable field '{Bounded(field)}' (one of: {string.Join(", ", Fields)})");
        var corrected = rectifiable.Validate(value);
        var stream = await scope.Existing<T>(recordId, "record_id");
        var decided = Rectification.Decide(record, recordId, rectifiable.Current(stream.Aggregate!), field, corrected, reason,
            scope.Actor, scope.Now, (stream.CurrentVersion ?? stream.StartingVersion) ?? 0);
        if (decided is null)
            return null;
        stream.AppendOne(decided);
        scope.Session.Store(RectificationEntry.From(decided));
        if (copies is not null)
            await copies(scope, stream.Aggregate!, decided);
        return decided;
    }

    private static string Bounded(string value) => value.Length <= 60 ? value : value[..60];
}

public static class Rectification
{
    /// <summary>
    /// The decider: the same value again is no change (idempotent: one event for the same correction,
    /// however often it is sent); otherwise one event superseding the field at the next version.
    /// </summary>
    public static RecordRectified? Decide(string record, Guid recordId, string? current, string field, string value, string reason,
        Actor actor, DateTimeOffset now, long version) =>
        string.Equals(current, value, StringComparison.Ordinal)
            ? null
            : new RecordRectified(recordId, record, field, current, value, reason, actor.Subject, now, version + 1);

    /// <summary>Whether an incoming correction (a partner's, by message) supersedes the one a field last took: later wins, by time then version.</summary>
    public static bool Supersedes(DateTimeOffset at, long version, DateTimeOffset? lastAt, long lastVersion) =>
        lastAt is not { } last || at > last || (at == last && version > lastVersion);

    /// <summary>
    /// A partner's correction (by message) applied to each of this agency's records holding a copy:
    /// <paramref name="decide"/> gives the correction a record takes (null: none, e.g. an overtaken
    /// message), appended with its history row in the consumer's transaction; the ids of those corrected.
    /// </summary>
    public static async Task<IReadOnlyList<(Guid Id, RecordRectified Rectified)>> FromPartner<T>(CommandScope scope, IEnumerable<Guid> ids,
        Func<T, long, RecordRectified?> decide) where T : class
    {
        var corrected = new List<(Guid, RecordRectified)>();
        foreach (var id in ids)
        {
            var stream = await scope.Stream<T>(id);
            if (stream.Aggregate is not { } record)
                continue;
            var version = (stream.CurrentVersion ?? stream.StartingVersion) ?? 0;
            if (decide(record, version) is not { } rectified)
                continue;
            stream.AppendOne(rectified);
            scope.Session.Store(RectificationEntry.From(rectified));
            corrected.Add((id, rectified));
        }
        return corrected;
    }

    /// <summary>A new value checked as a one-line text of at most <paramref name="max"/> characters.</summary>
    public static Func<string, string> Line(int max) => value =>
    {
        var text = Require.Text(value, "value", max);
        return text.Any(char.IsControl) ? throw new InvalidFieldException("value", "must be one line") : text;
    };

    /// <summary>A new value checked as a date of birth: yyyy-MM-dd, in the past, at most 120 years ago.</summary>
    public static Func<string, string> DateOfBirth(TimeProvider? clock = null) => value =>
    {
        var date = Require.Date(value, "value");
        var today = DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        return date > today || date < today.AddYears(-120)
            ? throw new InvalidFieldException("value", "must be a date of birth in the last 120 years")
            : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    };

    /// <summary>Declares a record type's rectifiable fields (each service its own; RectifyRecord finds them by <paramref name="record"/>).</summary>
    public static IServiceCollection AddRectifiable<T>(this IServiceCollection services, string record, params RectifiableField<T>[] fields)
        where T : class =>
        services.AddSingleton<IRectifiableRecord>(new RectifiableRecord<T>(record, fields));

    /// <summary>As <see cref="AddRectifiable{T}(IServiceCollection, string, RectifiableField{T}[])"/>, with the copies each correction also corrects.</summary>
    public static IServiceCollection AddRectifiable<T>(this IServiceCollection services, string record, CorrectCopies<T> copies,
        params RectifiableField<T>[] fields) where T : class =>
        services.AddSingleton<IRectifiableRecord>(new RectifiableRecord<T>(record, fields, copies));
}
