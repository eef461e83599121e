using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Sharing;

namespace Masip.ServiceDefaults.DataProtection;

/// <summary>The DPO restricted the processing of a person's data (UK GDPR Art. 18; DPA 2018 s47(2)): the records found then, by id.</summary>
public sealed record ProcessingRestricted(
    Guid RestrictionId, string Name, DateOnly? DateOfBirth, string SubjectKey, IReadOnlyList<Guid> Streams,
    string Reason, string RestrictedBy, DateTimeOffset RestrictedAt);

/// <summary>The restriction was lifted (the accuracy verified, the objection decided, ...), with the reason.</summary>
public sealed record ProcessingRestrictionLifted(Guid RestrictionId, string Reason, string LiftedBy, DateTimeOffset LiftedAt);

/// <summary>
/// One person's restriction of processing (inline snapshot: the read model the guard and the list
/// read). One stream per subject (name key and date of birth, as EraseSubject and
/// ExportSubjectAccess find them): restricting again while active changes nothing; after a lift,
/// restricting again starts it afresh on the same stream.
/// </summary>
public sealed record ProcessingRestriction
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public DateOnly? DateOfBirth { get; init; }
    public string SubjectKey { get; init; } = "";
    public bool Active { get; init; }
    public IReadOnlyList<Guid> Streams { get; init; } = [];
    public string Reason { get; init; } = "";
    public string RestrictedBy { get; init; } = "";
    public DateTimeOffset RestrictedAt { get; init; }
    public string? LiftReason { get; init; }
    public string? LiftedBy { get; init; }
    public DateTimeOffset? LiftedAt { get; init; }

    public static Guid IdFor(DataSubject subject) =>
        Persistence.DeterministicId.For("processing-restriction", $"{subject.Key}|{subject.DateOfBirth:yyyy-MM-dd}");

    public static ProcessingRestriction Create(ProcessingRestricted e) => new ProcessingRestriction { Id = e.RestrictionId }.Apply(e);

    public ProcessingRestriction Apply(ProcessingRestricted e) => this with
    {
        Name = e.Name, DateOfBirth = e.DateOfBirth, SubjectKey = e.SubjectKey, Active = true, Streams = e.Streams, Reason = e.Reason,
        RestrictedBy = e.RestrictedBy, RestrictedAt = e.RestrictedAt, LiftReason = null, LiftedBy = null, LiftedAt = null,
    };

    public ProcessingRestriction Apply(ProcessingRestrictionLifted e) => this with
    {
        Active = false, LiftReason = e.Reason, LiftedBy = e.LiftedBy, LiftedAt = e.LiftedAt,
    };

    public DataSubject Subject => new(Name, DateOfBirth);
}

public static class ProcessingRestrictions
{
    /// <summary>Restrict: once while active (the same request again appends nothing).</summary>
    public static IReadOnlyList<object> Restrict(ProcessingRestriction? current, Guid id, DataSubject subject, IReadOnlyList<Guid> streams,
        string reason, string actor, DateTimeOffset now) =>
        current is { Active: true }
            ? []
            : [new ProcessingRestricted(id, subject.Name, subject.DateOfBirth, subject.Key, streams, reason, actor, now)];

    /// <summary>Lift: only an active restriction; lifting one already lifted changes nothing.</summary>
    public static IReadOnlyList<object> Lift(ProcessingRestriction current, string reason, string actor, DateTimeOffset now) =>
        current.Active ? [new ProcessingRestrictionLifted(current.Id, reason, actor, now)] : [];

    /// <summary>The refusal, naming the restriction (its id, never the person).</summary>
    public static RuleViolationException Refusal(ProcessingRestriction r, string field = "subject") =>
        new(field, $"processing of this person's data is restricted (restriction {r.Id}, UK GDPR Art. 18 / DPA 2018 s47(2)); "
            + "the records stay readable, nothing that changes or shares them is done until the restriction is lifted");

    /// <summary>
    /// The guard every command passes before it is saved (the command pipeline): an appended event on
    /// a stream found about a restricted person, or naming them (a new record: a referral of them),
    /// is refused. The DPO's own actions (<see cref="IDataProtectionAction"/>) pass.
    /// </summary>
    public static async Task Check(IDocumentSession session, SubjectAccessPolicy policy, CancellationToken ct)
    {
        var pending = session.PendingChanges.Streams()
            .Select(s => (s.Id, Events: s.Events.Where(e => e.Data is not IDataProtectionAction and not ProcessingRestricted and not ProcessingRestrictionLifted).ToList()))
            .Where(s => s.Events.Count > 0).ToList();
        if (pending.Count == 0)
            return;
        var active = await session.Query<ProcessingRestriction>().Where(r => r.Active).ToListAsync(ct);
        if (active.Count == 0)
            return;
        foreach (var (id, events) in pending)
            if (Covering(active, id, events.Select(e => e.Data), policy) is { } restricted)
                throw Refusal(restricted);
    }

    /// <summary>
    /// The decider of the guard: the active restriction that covers new events on a stream (the
    /// stream was found about the person when restricted, or an event names them in one of their roles), or null.
    /// </summary>
    public static ProcessingRestriction? Covering(IReadOnlyList<ProcessingRestriction> active, Guid streamId, IEnumerable<object> events,
        SubjectAccessPolicy policy)
    {
        if (active.FirstOrDefault(r => r.Streams.Contains(streamId)) is { } restricted)
            return restricted;
        foreach (var data in events)
        {
            var record = new StoredRecord("event", data.GetType().Name, "", streamId, null, null,
                JsonSerializer.SerializeToNode(data, data.GetType()) as JsonObject);
            if (active.FirstOrDefault(r => SubjectFinder.RolesIn(record, policy, r.Subject).Any()) is { } naming)
                return naming;
        }
        return null;
    }

    /// <summary>The retention review does not dispose of a restricted person's record.</summary>
    public static async Task RefuseDisposal(IDocumentSession session, string recordId, CancellationToken ct)
    {
        if (!Guid.TryParse(recordId, out var id))
            return;
        var active = await session.Query<ProcessingRestriction>().Where(r => r.Active).ToListAsync(ct);
        if (active.FirstOrDefault(r => r.Streams.Contains(id)) is { } restricted)
            throw Refusal(restricted, "review_id");
    }
}

/// <summary>The command pipeline's hook: every command of a service with subject rights passes the restriction guard.</summary>
public sealed class ProcessingRestrictionGuard(SharingAgreements agreements) : Commands.ICommandGuard
{
    public Task Check(IDocumentSession session, CancellationToken ct) =>
        ProcessingRestrictions.Check(session, agreements.Current.SubjectAccess, ct);
}
