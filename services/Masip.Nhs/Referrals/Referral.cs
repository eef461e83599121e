using Masip.Nhs.Lists;

namespace Masip.Nhs.Referrals;

public enum ReferralStatus { Waiting, Accepted, Declined }

/// <summary>
/// A perpetrator was referred to the NHS: by the police (PerpetratorReferredToNhsV1) or by another
/// route (probation, court, prison, GP) through RecordReferral. The route is kept: an evaluation
/// compares outcomes by route. <paramref name="ReferredBy"/> is the referrer (the police officer,
/// the GP, the court); <paramref name="RecordedBy"/> who recorded it here (the caller, or this
/// service for a police message; null on referrals recorded before it was kept).
/// </summary>
public sealed record ReferralReceived(
    Guid ReferralId,
    string Route,
    Guid PerpetratorId,
    Guid? CaseId,
    string PerpetratorName,
    DateOnly? DateOfBirth,
    string? PncId,
    string Service,
    string RiskLevel,
    string Reason,
    string ReferredBy,
    DateTimeOffset ReceivedAt,
    string? RecordedBy = null);

/// <summary>A clinician (the caller) accepted the referral.</summary>
public sealed record ReferralAccepted(Guid ReferralId, Guid PerpetratorId, string Clinician, DateTimeOffset AcceptedAt);

/// <summary>A clinician (the caller) declined the referral, with a reason the partners hear.</summary>
public sealed record ReferralDeclined(Guid ReferralId, Guid PerpetratorId, string Reason, string Clinician, DateTimeOffset DeclinedAt);

/// <summary>
/// The referral's assessment: one per referral, unless a reassessment supersedes it (issue 14.3).
/// On the referral's stream, so two clinicians assessing the same referral at once conflict and
/// the second is decided again, seeing the first.
/// </summary>
public sealed record ReferralAssessed(Guid ReferralId, Guid AssessmentId, Guid? SupersededAssessmentId, DateTimeOffset AssessedAt);

/// <summary>An NHS referral: waiting until a clinician accepts or declines it (inline snapshot: the read model).</summary>
public sealed partial record Referral(
    Guid Id,
    ReferralStatus Status,
    string Route,
    Guid PerpetratorId,
    Guid? CaseId,
    string PerpetratorName,
    DateOnly? DateOfBirth,
    string? PncId,
    string Service,
    string RiskLevel,
    int RiskRank,
    string Reason,
    string ReferredBy,
    DateTimeOffset ReceivedAt,
    string? RecordedBy,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DeclineReason,
    Guid? AssessmentId)
{
    public const string Police = "police";
    public const string Probation = "probation";

    /// <summary>The police risk levels; the waiting list puts the highest rank first.</summary>
    public static readonly IReadOnlyDictionary<string, int> RiskRanks = new Dictionary<string, int>
    {
        ["standard"] = 1,
        ["medium"] = 2,
        ["high"] = 3,
    };

    /// <summary>The waiting list's order: highest risk, then the longest waiting.</summary>
    public string QueueKey => ListKeys.MostUrgent(RiskRank, ReceivedAt, Id);

    public static Referral Create(ReferralReceived e) => new(
        e.ReferralId, ReferralStatus.Waiting, e.Route, e.PerpetratorId, e.CaseId, e.PerpetratorName, e.DateOfBirth,
        e.PncId, e.Service, e.RiskLevel, RiskRanks.GetValueOrDefault(e.RiskLevel, 0), e.Reason, e.ReferredBy,
        e.ReceivedAt, e.RecordedBy, null, null, null, null);

    public Referral Apply(ReferralAccepted e) =>
        this with { Status = ReferralStatus.Accepted, DecidedBy = e.Clinician, DecidedAt = e.AcceptedAt };

    public Referral Apply(ReferralDeclined e) =>
        this with { Status = ReferralStatus.Declined, DecidedBy = e.Clinician, DecidedAt = e.DeclinedAt, DeclineReason = e.Reason };

    public Referral Apply(ReferralAssessed e) => this with { AssessmentId = e.AssessmentId };
}
