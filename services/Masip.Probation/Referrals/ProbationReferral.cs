namespace Masip.Probation.Referrals;

/// <summary>
/// Probation answered a police referral from its own records: known or not, and for a known
/// person only what the agreement lets it share for the DMM.
/// </summary>
public sealed record ReferralAnswered(
    Guid ReferralId,
    Guid CaseId,
    Guid PerpetratorId,
    string Question,
    Guid? PersonId,
    string MatchedBy,
    bool KnownToProbation,
    string? OrderType,
    DateOnly? OrderEnds,
    string? ResponsibleOfficer,
    int? MappaCategory,
    DateOnly? ExpectedRelease,
    DateTimeOffset AnsweredAt);

/// <summary>A police referral to probation and the answer given (inline snapshot: the read model).</summary>
public sealed record ProbationReferral(
    Guid Id,
    Guid CaseId,
    Guid PerpetratorId,
    string Question,
    Guid? PersonId,
    string MatchedBy,
    bool KnownToProbation,
    DateTimeOffset AnsweredAt)
{
    public static ProbationReferral Create(ReferralAnswered e) => new(
        e.ReferralId, e.CaseId, e.PerpetratorId, e.Question, e.PersonId, e.MatchedBy, e.KnownToProbation, e.AnsweredAt);
}
