namespace Masip.Nhs.Assessments;

/// <summary>One Stalking Risk Profile domain: the level (shared) and the clinician's rationale (NHS only).</summary>
public sealed record SrpRating(string Level, string Rationale);

/// <summary>
/// A Stalking Risk Profile assessment was completed by the clinician who called (the actor). It
/// holds the clinical record (ratings with rationale, formulation, Mullen types: NHS only) and the
/// risk summary (the levels and the summary text: the only part that leaves the NHS, as
/// RiskSummaryUpdatedV1). A reassessment names the assessment it supersedes.
/// </summary>
public sealed record AssessmentCompleted(
    Guid AssessmentId,
    Guid ReferralId,
    Guid PerpetratorId,
    string Clinician,
    SrpRating RiskOfViolence,
    SrpRating Persistence,
    SrpRating Recurrence,
    SrpRating PsychologicalDamage,
    string Formulation,
    IReadOnlyList<string> MullenTypes,
    string RiskSummary,
    DateTimeOffset CompletedAt,
    Guid? SupersedesAssessmentId = null);

/// <summary>A reassessment of the same referral replaced this assessment; it stays on the record.</summary>
public sealed record AssessmentSuperseded(Guid AssessmentId, Guid SupersededBy, DateTimeOffset SupersededAt);

/// <summary>A completed assessment (inline snapshot: the clinical record the NHS serves).</summary>
public sealed record Assessment(
    Guid Id,
    Guid ReferralId,
    Guid PerpetratorId,
    string Clinician,
    SrpRating RiskOfViolence,
    SrpRating Persistence,
    SrpRating Recurrence,
    SrpRating PsychologicalDamage,
    string Formulation,
    IReadOnlyList<string> MullenTypes,
    string RiskSummary,
    DateTimeOffset CompletedAt,
    Guid? SupersedesAssessmentId,
    Guid? SupersededBy)
{
    public static Assessment Create(AssessmentCompleted e) => new(
        e.AssessmentId, e.ReferralId, e.PerpetratorId, e.Clinician, e.RiskOfViolence, e.Persistence, e.Recurrence,
        e.PsychologicalDamage, e.Formulation, e.MullenTypes, e.RiskSummary, e.CompletedAt, e.SupersedesAssessmentId, null);

    public Assessment Apply(AssessmentSuperseded e) => this with { SupersededBy = e.SupersededBy };
}
