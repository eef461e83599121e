namespace Masip.Police.Cases;

/// <summary>The FOUR stalking screening questions: Fixated, Obsessive, Unwanted, Repeated.</summary>
public sealed record FourAnswers(bool Fixated, bool Obsessive, bool Unwanted, bool Repeated);

/// <summary>A STAC officer screened the report (FOUR), assessed the risk and advised the officer in the case.</summary>
public sealed record ReportReviewed(
    Guid CaseId,
    FourAnswers Four,
    string RiskLevel,
    string RiskRationale,
    string? AdviceToOic,
    bool ReReview,
    string ReviewedBy,
    DateTimeOffset ReviewedAt,
    string? EscalationOfficer = null,
    string? S2aJustification = null,
    string? S4aLimb = null);

/// <summary>
/// The case was given a STAC tier (1 advice, 2 one partner, 3 several partners), at review or later.
/// OffenceDate (the first incident) travels with it: the DMM counts the s2A limit from it.
/// </summary>
public sealed record CaseTiered(
    Guid CaseId,
    string CrimeReference,
    Guid? PerpetratorId,
    Offence Offence,
    int Tier,
    string RiskLevel,
    string Reason,
    string TieredBy,
    DateTimeOffset TieredAt,
    DateOnly? OffenceDate = null);

/// <summary>A key event (release from custody, new contact) makes the risk assessment stale: reassess.</summary>
public sealed record ReassessmentRequired(Guid CaseId, string Reason, DateTimeOffset RequiredAt);

public sealed record ReviewState(
    FourAnswers Four,
    string RiskLevel,
    string RiskRationale,
    string? AdviceToOic,
    string ReviewedBy,
    DateTimeOffset ReviewedAt,
    int Reviews,
    string? EscalationOfficer = null,
    string? S2aJustification = null,
    string? S4aLimb = null);

public sealed record TierEntry(int Tier, string Reason, string TieredBy, DateTimeOffset TieredAt);

public sealed partial record StacCase
{
    public ReviewState? Review { get; init; }
    public int? Tier { get; init; }
    public IReadOnlyList<TierEntry> TierHistory { get; init; } = [];

    /// <summary>Risk is dynamic: a breach (or a release, new contact) forces a fresh assessment.</summary>
    public bool ReassessmentDue { get; init; }
    public string? ReassessmentReason { get; init; }

    public StacCase Apply(ReportReviewed e) => this with
    {
        Review = new ReviewState(e.Four, e.RiskLevel, e.RiskRationale, e.AdviceToOic, e.ReviewedBy, e.ReviewedAt, (Review?.Reviews ?? 0) + 1,
            e.EscalationOfficer ?? Review?.EscalationOfficer, e.S2aJustification, e.S4aLimb),
        Status = Status == CaseStatus.Closed ? Status : CaseStatus.Reviewed,
        ReassessmentDue = false,
        ReassessmentReason = null,
        LastChangedAt = e.ReviewedAt,
    };

    public StacCase Apply(ReassessmentRequired e) => this with
    {
        ReassessmentDue = true,
        ReassessmentReason = e.Reason,
        LastChangedAt = e.RequiredAt,
    };

    public StacCase Apply(CaseTiered e) => this with
    {
        Tier = e.Tier,
        TierHistory = [.. TierHistory, new TierEntry(e.Tier, e.Reason, e.TieredBy, e.TieredAt)],
        LastChangedAt = e.TieredAt,
    };
}
