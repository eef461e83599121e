using Grpc.Core;
using Marten;
using Masip.Contracts.Nhs;
using Masip.Nhs.Assessments.CompletingAssessments;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Assessments;

public sealed class NhsAssessmentsGrpc(CompleteAssessmentHandler complete, IQuerySession query) : NhsAssessments.NhsAssessmentsBase
{
    public override async Task<AssessmentReply> CompleteAssessment(CompleteAssessmentRequest request, ServerCallContext context) =>
        ToReply(await complete.Handle(CompleteAssessmentDecision.Validate(request), context.CancellationToken));

    public override async Task<AssessmentReply> GetAssessment(GetAssessmentRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.AssessmentId, "assessment_id");
        var assessment = await query.LoadAsync<Assessment>(id, context.CancellationToken)
            ?? throw new RecordNotFoundException("assessment_id", $"no assessment {id}");
        return ToReply(assessment);
    }

    public override async Task<RiskSummaryReply> GetRiskSummary(GetRiskSummaryRequest request, ServerCallContext context)
    {
        var referralId = Require.Id(request.ReferralId, "referral_id");
        var latest = await query.Query<Assessment>()
            .Where(a => a.ReferralId == referralId)
            .OrderByDescending(a => a.CompletedAt)
            .FirstOrDefaultAsync(context.CancellationToken)
            ?? throw new RecordNotFoundException("referral_id", $"no completed assessment for referral {referralId}");
        return new RiskSummaryReply
        {
            ReferralId = latest.ReferralId.ToString(),
            PerpetratorId = latest.PerpetratorId.ToString(),
            AssessmentId = latest.Id.ToString(),
            RiskOfViolence = latest.RiskOfViolence.Level,
            Persistence = latest.Persistence.Level,
            Recurrence = latest.Recurrence.Level,
            PsychologicalDamage = latest.PsychologicalDamage.Level,
            Summary = latest.RiskSummary,
            AssessedAt = Formats.Instant(latest.CompletedAt),
        };
    }

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
        };
        reply.MullenTypes.AddRange(assessment.MullenTypes);
        return reply;
    }

    private static Contracts.Nhs.SrpRating ToReply(SrpRating rating) => new() { Level = rating.Level, Rationale = rating.Rationale };
}
