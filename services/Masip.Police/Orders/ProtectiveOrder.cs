using Masip.ServiceDefaults.Persistence;

namespace Masip.Police.Orders;

/// <summary>
/// A court (or, for police bail, the police) made an order restraining the case's perpetrator and
/// protecting the people named. An SPO granted interim and then full is recorded twice on one
/// stream: the full order replaces the interim terms.
/// </summary>
public sealed record OrderRecorded(
    Guid OrderId,
    Guid CaseId,
    string CrimeReference,
    Guid PerpetratorId,
    string RestrainedPerson,
    string Kind,
    string? Stage,
    IReadOnlyList<string> ProtectedPersons,
    IReadOnlyList<string> Prohibitions,
    IReadOnlyList<string> Requirements,
    DateOnly MadeOn,
    DateOnly? ExpiresOn,
    string Court,
    string RecordedBy,
    DateTimeOffset RecordedAt);

public sealed record OrderVaried(Guid OrderId, IReadOnlyList<string> Prohibitions, IReadOnlyList<string> Requirements, string Reason,
    string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The order stopped: expired, discharged or revoked by the court.</summary>
public sealed record OrderEnded(Guid OrderId, Guid PerpetratorId, string Status, DateOnly EndedOn, string Reason, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// A breach of the order (an offence in itself): flagged to STAC, answered within 24 hours, and
/// counted with every other breach by the same person (001 L815-819). Source: officer | import.
/// </summary>
public sealed record OrderBreachRecorded(
    Guid OrderId,
    Guid BreachId,
    Guid PerpetratorId,
    Guid CaseId,
    string Kind,
    DateOnly BreachedOn,
    string Details,
    string Source,
    string? CrimeReference,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>STAC answered the breach (advice to the OIC, arrest, reassessment): its 24-hour clock stops.</summary>
public sealed record BreachResponded(Guid OrderId, Guid BreachId, string Response, string RespondedBy, DateTimeOffset RespondedAt);

public sealed record OrderBreachEntry(
    Guid BreachId, DateOnly BreachedOn, string Details, string Source, string? CrimeReference, DateTimeOffset ReportedAt,
    DateTimeOffset? RespondedAt);

/// <summary>One protective order: its own stream, inline snapshot, and the read model the order list serves.</summary>
public sealed record ProtectiveOrder
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public required string CrimeReference { get; init; }
    public Guid PerpetratorId { get; init; }
    public required string RestrainedPerson { get; init; }
    public required string Kind { get; init; }
    public string? Stage { get; init; }
    /// <summary>in-force | expired | discharged | revoked</summary>
    public string Status { get; init; } = OrderKinds.InForce;
    public IReadOnlyList<string> ProtectedPersons { get; init; } = [];
    public IReadOnlyList<string> Prohibitions { get; init; } = [];
    public IReadOnlyList<string> Requirements { get; init; } = [];
    public DateOnly MadeOn { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    /// <summary>When it stopped being in force (expired, discharged, revoked).</summary>
    public DateOnly? EndedOn { get; init; }
    public required string Court { get; init; }
    public IReadOnlyList<OrderBreachEntry> Breaches { get; init; } = [];
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>The earliest instant a breach still unanswered becomes late (indexed: the breach-response clock list).</summary>
    public DateTimeOffset? BreachResponseDueAt => Breaches.Where(b => b.RespondedAt is null)
        .Select(b => (DateTimeOffset?)(b.ReportedAt + Clocks.ClockRules.BreachResponseLimit)).Min();

    public bool InForce => Status == OrderKinds.InForce;

    /// <summary>An SPO is one order per case (interim, then full); another order is one per case, kind and day it was made.</summary>
    public static Guid IdFor(Guid caseId, string kind, DateOnly madeOn) =>
        kind == OrderKinds.Spo ? SpoIdFor(caseId) : DeterministicId.For("protective-order", caseId, $"{kind}|{madeOn:yyyy-MM-dd}");

    public static Guid SpoIdFor(Guid caseId) => DeterministicId.For("protective-order", caseId, OrderKinds.Spo);

    public static ProtectiveOrder Create(OrderRecorded e) => new()
    {
        Id = e.OrderId,
        CaseId = e.CaseId,
        CrimeReference = e.CrimeReference,
        PerpetratorId = e.PerpetratorId,
        RestrainedPerson = e.RestrainedPerson,
        Kind = e.Kind,
        Stage = e.Stage,
        ProtectedPersons = e.ProtectedPersons,
        Prohibitions = e.Prohibitions,
        Requirements = e.Requirements,
        MadeOn = e.MadeOn,
        ExpiresOn = e.ExpiresOn,
        Court = e.Court,
        RecordedAt = e.RecordedAt,
    };

    /// <summary>Recorded again (an interim SPO made full): the new terms; the breaches, and the day the person was first restrained, kept.</summary>
    public ProtectiveOrder Apply(OrderRecorded e) => Create(e) with { Breaches = Breaches, MadeOn = MadeOn < e.MadeOn ? MadeOn : e.MadeOn };

    public ProtectiveOrder Apply(OrderVaried e) => this with { Prohibitions = e.Prohibitions, Requirements = e.Requirements };

    public ProtectiveOrder Apply(OrderEnded e) => this with { Status = e.Status, EndedOn = e.EndedOn };

    public ProtectiveOrder Apply(OrderBreachRecorded e) => this with
    {
        Breaches = [.. Breaches, new OrderBreachEntry(e.BreachId, e.BreachedOn, e.Details, e.Source, e.CrimeReference, e.RecordedAt, null)],
    };

    public ProtectiveOrder Apply(BreachResponded e) => this with
    {
        Breaches = [.. Breaches.Select(b => b.BreachId == e.BreachId ? b with { RespondedAt = e.RespondedAt } : b)],
    };
}

public static class OrderKinds
{
    public const string Spo = "spo";
    public const string RestrainingOrder = "restraining-order";
    public const string NonMolestationOrder = "non-molestation-order";
    public const string Dvpo = "dvpo";
    public const string BailConditions = "bail-conditions";

    public const string InForce = "in-force";
    public const string Expired = "expired";
    public const string Discharged = "discharged";
    public const string Revoked = "revoked";

    /// <summary>The kinds recorded directly; an SPO goes through its own lifecycle on the case (PoliceSpo).</summary>
    public static readonly IReadOnlyDictionary<string, string> Recordable =
        new[] { RestrainingOrder, NonMolestationOrder, Dvpo, BailConditions }.ToDictionary(v => v, v => v);

    public static readonly IReadOnlyDictionary<string, string> All =
        new[] { Spo, RestrainingOrder, NonMolestationOrder, Dvpo, BailConditions }.ToDictionary(v => v, v => v);

    public static readonly IReadOnlyDictionary<string, string> Endings = new[] { Expired, Discharged, Revoked }.ToDictionary(v => v, v => v);

    public static readonly IReadOnlyDictionary<string, string> Statuses = new[] { InForce, Expired, Discharged, Revoked }.ToDictionary(v => v, v => v);
}
