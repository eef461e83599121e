namespace Masip.Police.Referrals;

/// <summary>A STAC officer referred the perpetrator to the NHS for assessment or a stalking-specific intervention.</summary>
public sealed record PerpetratorReferredToNhs(
    Guid ReferralId, Guid CaseId, Guid PerpetratorId, string PerpetratorName, DateOnly? DateOfBirth, string? PncId,
    string Service, string RiskLevel, string Reason, string ReferredBy, DateTimeOffset ReferredAt);

/// <summary>A STAC officer asked probation whether it knows the perpetrator, or for a PSR consultation.</summary>
public sealed record PerpetratorReferredToProbation(
    Guid ReferralId, Guid CaseId, Guid PerpetratorId, string PerpetratorName, DateOnly? DateOfBirth, string? PncId,
    string Question, string Reason, string ReferredBy, DateTimeOffset ReferredAt);

/// <summary>A perpetrator's referral to a partner agency, as the police hold it (inline snapshot and read model).</summary>
public sealed record PerpetratorReferral(
    Guid Id, string Receiver, string Request, Guid CaseId, Guid PerpetratorId, string Reason, string ReferredBy, DateTimeOffset ReferredAt)
{
    public static PerpetratorReferral Create(PerpetratorReferredToNhs e) =>
        new(e.ReferralId, "nhs", e.Service, e.CaseId, e.PerpetratorId, e.Reason, e.ReferredBy, e.ReferredAt);

    public static PerpetratorReferral Create(PerpetratorReferredToProbation e) =>
        new(e.ReferralId, "probation", e.Question, e.CaseId, e.PerpetratorId, e.Reason, e.ReferredBy, e.ReferredAt);
}
