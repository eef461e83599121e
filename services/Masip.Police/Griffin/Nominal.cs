using Masip.ServiceDefaults.Persistence;

namespace Masip.Police.Griffin;

/// <summary>A STAC officer nominated a Tier 3 perpetrator for Operation Griffin, with criteria and rationale.</summary>
public sealed record NominatedToGriffin(
    Guid NominalId, Guid PerpetratorId, Guid CaseId, string PerpetratorName, string? PncId,
    IReadOnlyList<string> Criteria, string Rationale, string NominatedBy, DateTimeOffset NominatedAt, string? RiskLevel = null);

/// <summary>The Griffin meeting accepted the nomination: the person is a nominal with a PNC marker.</summary>
public sealed record NominationAccepted(
    Guid NominalId, Guid PerpetratorId, string PerpetratorName, string? PncId, string Rationale,
    DateOnly ReviewDue, string Reason, string DecidedBy, DateTimeOffset DecidedAt);

public sealed record NominationRejected(Guid NominalId, Guid PerpetratorId, string Reason, string DecidedBy, DateTimeOffset DecidedAt);

public sealed record NominalReviewScheduled(Guid NominalId, DateOnly ReviewDue, string ScheduledBy, DateTimeOffset ScheduledAt);

public sealed record NominalRemoved(Guid NominalId, Guid PerpetratorId, string Reason, string RemovedBy, DateTimeOffset RemovedAt);

/// <summary>PNC marker activity: a new police contact with a nominal; an alert for the next Griffin meeting.</summary>
public sealed record NominalActivityRecorded(Guid NominalId, Guid PerpetratorId, string Activity, string? CrimeReference, string RecordedBy, DateTimeOffset OccurredAt);

public sealed record NominalAlert(string Activity, string? CrimeReference, DateTimeOffset OccurredAt);

/// <summary>A nominal's review is due within 14 days (due), or its date has passed (overdue): an alert for the Griffin meeting.</summary>
public sealed record NominalReviewDueRaised(Guid NominalId, Guid PerpetratorId, DateOnly ReviewDue, string Status, DateTimeOffset RaisedAt);

/// <summary>A perpetrator's place on the Operation Griffin list (inline snapshot and read model).</summary>
public sealed record Nominal
{
    public Guid Id { get; init; }
    public Guid PerpetratorId { get; init; }
    public Guid CaseId { get; init; }
    /// <summary>nominated | accepted | rejected | removed</summary>
    public string Status { get; init; } = "nominated";
    public required string PerpetratorName { get; init; }
    public string? PncId { get; init; }
    public IReadOnlyList<string> Criteria { get; init; } = [];
    public string Rationale { get; init; } = "";
    public DateOnly? ReviewDue { get; init; }
    public string? DecisionReason { get; init; }
    public string? RemovalReason { get; init; }
    public IReadOnlyList<NominalAlert> Alerts { get; init; } = [];
    public DateTimeOffset NominatedAt { get; init; }
    /// <summary>The risk of the nominating case's review (standard | medium | high), when it had one.</summary>
    public string? RiskLevel { get; init; }
    /// <summary>The review alerts raised for the current review date ("due", "overdue"): each once.</summary>
    public IReadOnlyList<string> ReviewAlertsRaised { get; init; } = [];

    /// <summary>One Griffin record per perpetrator: a re-nomination after removal continues the same stream.</summary>
    public static Guid IdFor(Guid perpetratorId) => DeterministicId.For("nominal", perpetratorId.ToString("N"));

    public static Nominal Create(NominatedToGriffin e) => new()
    {
        Id = e.NominalId,
        PerpetratorId = e.PerpetratorId,
        CaseId = e.CaseId,
        PerpetratorName = e.PerpetratorName,
        PncId = e.PncId,
        Criteria = e.Criteria,
        Rationale = e.Rationale,
        NominatedAt = e.NominatedAt,
        RiskLevel = e.RiskLevel,
    };

    public Nominal Apply(NominatedToGriffin e) => Create(e) with { Alerts = Alerts };

    public Nominal Apply(NominationAccepted e) => this with { Status = "accepted", ReviewDue = e.ReviewDue, DecisionReason = e.Reason, ReviewAlertsRaised = [] };

    public Nominal Apply(NominationRejected e) => this with { Status = "rejected", DecisionReason = e.Reason };

    public Nominal Apply(NominalReviewScheduled e) => this with { ReviewDue = e.ReviewDue, ReviewAlertsRaised = [] };

    public Nominal Apply(NominalReviewDueRaised e) => this with { ReviewAlertsRaised = [.. ReviewAlertsRaised, e.Status] };

    public Nominal Apply(NominalRemoved e) => this with { Status = "removed", RemovalReason = e.Reason };

    public Nominal Apply(NominalActivityRecorded e) => this with { Alerts = [.. Alerts, new NominalAlert(e.Activity, e.CrimeReference, e.OccurredAt)] };
}
