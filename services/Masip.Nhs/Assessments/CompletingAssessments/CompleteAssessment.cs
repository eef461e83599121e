using Masip.Contracts.Nhs;
using Masip.Nhs.Referrals;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Assessments.CompletingAssessments;

public sealed record CompleteAssessment(
    Guid AssessmentId,
    Guid ReferralId,
    SrpRating RiskOfViolence,
    SrpRating Persistence,
    SrpRating Recurrence,
    SrpRating PsychologicalDamage,
    string Formulation,
    IReadOnlyList<string> MullenTypes,
    string RiskSummary,
    Guid? SupersedesAssessmentId);

public static class CompleteAssessmentDecision
{
    /// <summary>The SRP rates each domain low, moderate or high.</summary>
    public static readonly IReadOnlyDictionary<string, string> Levels = Keys("low", "moderate", "high");

    /// <summary>Mullen typology (DOMAIN.md): five types, several may apply.</summary>
    public static readonly IReadOnlyDictionary<string, string> MullenTypes =
        Keys("rejected", "resentful", "intimacy-seeker", "incompetent-suitor", "predatory");

    // How many types (1..5), lengths and formats are the request's bounds (nhs.proto), checked before this.
    public static CompleteAssessment Validate(CompleteAssessmentRequest request) => new(
        Require.Id(request.AssessmentId, "assessment_id"),
        Require.Id(request.ReferralId, "referral_id"),
        Rating(request.RiskOfViolence, "risk_of_violence"),
        Rating(request.Persistence, "persistence"),
        Rating(request.Recurrence, "recurrence"),
        Rating(request.PsychologicalDamage, "psychological_damage"),
        Require.Text(request.Formulation, "formulation", 20000),
        request.MullenTypes.Select(t => Require.OneOf(t, "mullen_types", MullenTypes)).Distinct().ToList(),
        Require.Text(request.RiskSummary, "risk_summary"),
        string.IsNullOrWhiteSpace(request.SupersedesAssessmentId) ? null : Require.Id(request.SupersedesAssessmentId, "supersedes_assessment_id"));

    private static SrpRating Rating(Contracts.Nhs.SrpRating? rating, string field) => new(
        Require.OneOf(rating?.Level, field + ".level", Levels),
        Require.Text(rating?.Rationale, field + ".rationale"));

    /// <summary>
    /// An assessment needs a referral that was not declined, and a referral has one assessment: a
    /// second one must say which it supersedes, and only the referral's current assessment can be
    /// superseded (issue 14.3: a reassessment is recorded as such, never a silent second record).
    /// The assessing clinician is the actor. Idempotent by assessment id: the same assessment again
    /// by the same clinician decides nothing; anything else under a used id is refused.
    /// Returns events for three streams: the assessment, the referral (its current assessment) and,
    /// for a reassessment, the superseded assessment.
    /// </summary>
    public static IReadOnlyList<object> Decide(Referral referral, Assessment? current, CompleteAssessment command, Actor actor, DateTimeOffset now)
    {
        if (current is not null)
            return Same(current, command, actor)
                ? []
                : throw new DuplicateRecordException("assessment_id", "a different assessment already has this id");
        if (referral.Status == ReferralStatus.Declined)
            throw new RuleViolationException("referral_id", "the referral was declined");
        switch (referral.AssessmentId, command.SupersedesAssessmentId)
        {
            case ({ } assessed, null):
                throw new RuleViolationException("supersedes_assessment_id",
                    $"referral {referral.Id} was already assessed (assessment {assessed}); a reassessment names the assessment it supersedes");
            case ({ } assessed, { } supersedes) when supersedes != assessed:
                throw new RuleViolationException("supersedes_assessment_id",
                    $"assessment {supersedes} is not the current assessment of referral {referral.Id} ({assessed} is)");
            case (null, { } supersedes):
                throw new RuleViolationException("supersedes_assessment_id",
                    $"referral {referral.Id} has no assessment to supersede (not {supersedes})");
        }

        List<object> events =
        [
            new AssessmentCompleted(command.AssessmentId, referral.Id, referral.PerpetratorId, actor.Subject,
                command.RiskOfViolence, command.Persistence, command.Recurrence, command.PsychologicalDamage,
                command.Formulation, command.MullenTypes, command.RiskSummary, now, command.SupersedesAssessmentId),
            new ReferralAssessed(referral.Id, command.AssessmentId, command.SupersedesAssessmentId, now),
        ];
        if (command.SupersedesAssessmentId is { } superseded)
            events.Add(new AssessmentSuperseded(superseded, command.AssessmentId, now));
        return events;
    }

    private static bool Same(Assessment current, CompleteAssessment command, Actor actor) =>
        current.ReferralId == command.ReferralId
        && current.Clinician == actor.Subject
        && current.RiskOfViolence == command.RiskOfViolence
        && current.Persistence == command.Persistence
        && current.Recurrence == command.Recurrence
        && current.PsychologicalDamage == command.PsychologicalDamage
        && current.Formulation == command.Formulation
        && current.MullenTypes.SequenceEqual(command.MullenTypes)
        && current.RiskSummary == command.RiskSummary
        && current.SupersedesAssessmentId == command.SupersedesAssessmentId;

    private static Dictionary<string, string> Keys(params string[] keys) => keys.ToDictionary(k => k);
}
