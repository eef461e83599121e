using Masip.Contracts.Nhs;
using Masip.Nhs.Referrals;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Assessments.CompletingAssessments;

public sealed record CompleteAssessment(
    Guid AssessmentId,
    Guid ReferralId,
    string Clinician,
    SrpRating RiskOfViolence,
    SrpRating Persistence,
    SrpRating Recurrence,
    SrpRating PsychologicalDamage,
    string Formulation,
    IReadOnlyList<string> MullenTypes,
    string RiskSummary);

public static class CompleteAssessmentDecision
{
    /// <summary>The SRP rates each domain low, moderate or high.</summary>
    public static readonly IReadOnlyDictionary<string, string> Levels = Keys("low", "moderate", "high");

    /// <summary>Mullen typology (DOMAIN.md): several may apply.</summary>
    public static readonly IReadOnlyDictionary<string, string> MullenTypes =
        Keys("rejected", "resentful", "intimacy-seeker", "incompetent-suitor", "predatory");

    public static CompleteAssessment Validate(CompleteAssessmentRequest request)
    {
        if (request.MullenTypes.Count == 0)
            throw new InvalidFieldException("mullen_types", $"at least one is required (of: {string.Join(", ", MullenTypes.Keys)})");
        var types = request.MullenTypes.Select(t => Require.OneOf(t, "mullen_types", MullenTypes)).Distinct().ToList();
        return new CompleteAssessment(
            Require.Id(request.AssessmentId, "assessment_id"),
            Require.Id(request.ReferralId, "referral_id"),
            Require.Text(request.Clinician, "clinician", 100),
            Rating(request.RiskOfViolence, "risk_of_violence"),
            Rating(request.Persistence, "persistence"),
            Rating(request.Recurrence, "recurrence"),
            Rating(request.PsychologicalDamage, "psychological_damage"),
            Require.Text(request.Formulation, "formulation", 20000),
            types,
            Require.Text(request.RiskSummary, "risk_summary"));
    }

    private static SrpRating Rating(Contracts.Nhs.SrpRating? rating, string field) => new(
        Require.OneOf(rating?.Level, field + ".level", Levels),
        Require.Text(rating?.Rationale, field + ".rationale"));

    /// <summary>
    /// An assessment needs a referral that was not declined. Idempotent by assessment id: the
    /// same assessment again decides nothing; a different one under a used id is refused.
    /// </summary>
    public static IReadOnlyList<object> Decide(Referral? referral, Assessment? current, CompleteAssessment command, DateTimeOffset now)
    {
        if (referral is null)
            throw new RecordNotFoundException("referral_id", $"no referral {command.ReferralId}");
        if (current is not null)
            return Same(current, command) ? [] : throw new DuplicateRecordException("assessment_id", "a different assessment already has this id");
        if (referral.Status == ReferralStatus.Declined)
            throw new RuleViolationException("referral_id", "the referral was declined");
        return [new AssessmentCompleted(command.AssessmentId, referral.Id, referral.PerpetratorId, command.Clinician,
            command.RiskOfViolence, command.Persistence, command.Recurrence, command.PsychologicalDamage,
            command.Formulation, command.MullenTypes, command.RiskSummary, now)];
    }

    private static bool Same(Assessment current, CompleteAssessment command) =>
        current.ReferralId == command.ReferralId
        && current.Clinician == command.Clinician
        && current.RiskOfViolence == command.RiskOfViolence
        && current.Persistence == command.Persistence
        && current.Recurrence == command.Recurrence
        && current.PsychologicalDamage == command.PsychologicalDamage
        && current.Formulation == command.Formulation
        && current.MullenTypes.SequenceEqual(command.MullenTypes)
        && current.RiskSummary == command.RiskSummary;

    private static Dictionary<string, string> Keys(params string[] keys) => keys.ToDictionary(k => k);
}
