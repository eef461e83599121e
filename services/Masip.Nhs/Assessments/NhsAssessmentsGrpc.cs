using Marten;
using Masip.Contracts.Nhs;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Assessments;

/// <summary>
/// SRP assessments. CompleteAssessment's endpoint lives beside its use case
/// (CompletingAssessments/...); the queries are in AssessmentQueries.cs.
/// </summary>
public sealed partial class NhsAssessmentsGrpc(CommandPipeline pipeline, IQuerySession query) : NhsAssessments.NhsAssessmentsBase
{
    private static AssessmentReply ToReply(Assessment assessment)
    {
        var reply = new AssessmentReply
        {
            AssessmentId = assessment.Id.ToString(),
            ReferralId = assessment.ReferralId.ToString(),
            PerpetratorId = assessment.PerpetratorId.ToString(),
            Clinician = assessment.Clinician,
            RiskOfViolence = ToReply(assessment.RiskOfViolence),
            Persistence = ToReply(assessment.Persistence),
            Recurrence = ToReply(assessment.Recurrence),
            PsychologicalDamage = ToReply(assessment.PsychologicalDamage),
            Formulation = assessment.Formulation,
            RiskSummary = assessment.RiskSummary,
            CompletedAt = Formats.Instant(assessment.CompletedAt),
            SupersedesAssessmentId = assessment.SupersedesAssessmentId?.ToString() ?? "",
            SupersededByAssessmentId = assessment.SupersededBy?.ToString() ?? "",
        };
        reply.MullenTypes.AddRange(assessment.MullenTypes);
        return reply;
    }

    private static Contracts.Nhs.SrpRating ToReply(SrpRating rating) => new() { Level = rating.Level, Rationale = rating.Rationale };
}
