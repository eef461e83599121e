namespace Masip.Nhs.Referrals;

public enum ReferralStatus { Waiting, Accepted, Declined }

/// <summary>
/// A perpetrator was referred to the NHS: by the police (PerpetratorReferredToNhsV1) or by another
/// route (probation, court, prison, GP) through RecordReferral. The route is kept: an evaluation
/// compares outcomes by route.
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
    DateTimeOffset ReceivedAt);

public sealed record ReferralAccepted(Guid ReferralId, Guid PerpetratorId, string Clinician, DateTimeOffset AcceptedAt);

public sealed record ReferralDeclined(Guid ReferralId, Guid PerpetratorId, string Reason, string Clinician, DateTimeOffset DeclinedAt);

/// <summary>An NHS referral: waiting until a clinician accepts or declines it (inline snapshot: the read model).</summary>
public sealed record Referral(
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
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DeclineReason)
{
    public const string Police = "police";

    /// <summary>The police risk levels; the waiting list puts the highest rank first.</summary>
    public static readonly IReadOnlyDictionary<string, int> RiskRanks = new Dictionary<string, int>
    {
        ["standard"] = 1,
        ["medium"] = 2,
        ["high"] = 3,
    };

    public static Referral Create(ReferralReceived e) => new(
        e.ReferralId, ReferralStatus.Waiting, e.Route, e.PerpetratorId, e.CaseId, e.PerpetratorName, e.DateOfBirth,
        e.PncId, e.Service, e.RiskLevel, RiskRanks.GetValueOrDefault(e.RiskLevel, 0), e.Reason, e.ReferredBy,
        e.ReceivedAt, null, null, null);

    public Referral Apply(ReferralAccepted e) =>
        this with { Status = ReferralStatus.Accepted, DecidedBy = e.Clinician, DecidedAt = e.AcceptedAt };

    public Referral Apply(ReferralDeclined e) =>
        this with { Status = ReferralStatus.Declined, DecidedBy = e.Clinician, DecidedAt = e.DeclinedAt, DeclineReason = e.Reason };
}
