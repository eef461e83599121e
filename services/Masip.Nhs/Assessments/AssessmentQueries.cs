using Grpc.Core;
using Marten;
using Masip.Contracts.Nhs;
using Masip.Nhs.Referrals;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Assessments;

public sealed partial class NhsAssessmentsGrpc
{
    public override async Task<AssessmentReply> GetAssessment(GetAssessmentRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.AssessmentId, "assessment_id");
        return ToReply(await query.LoadAsync<Assessment>(id, context.CancellationToken) ?? throw NotFound.For<Assessment>("assessment_id", id));
    }

    /// <summary>The referral's current assessment, as much as partners may see: the levels and the summary.</summary>
    public override async Task<RiskSummaryReply> GetRiskSummary(GetRiskSummaryRequest request, ServerCallContext context)
    {
        var referralId = Require.Id(request.ReferralId, "referral_id");
        var ct = context.CancellationToken;
        var referral = await query.LoadAsync<Referral>(referralId, ct) ?? throw NotFound.For<Referral>("referral_id", referralId);
        var current = referral.AssessmentId is { } id
            ? await query.LoadAsync<Assessment>(id, ct)
            // Assessed before the referral kept its current assessment: the latest one.
            : await query.Query<Assessment>().Where(a => a.ReferralId == referralId)
                .OrderByDescending(a => a.CompletedAt).FirstOrDefaultAsync(ct);
        if (current is null)
            throw new RecordNotFoundException("referral_id", $"no completed assessment for referral {referralId}");
        return new RiskSummaryReply
        {
            ReferralId = current.ReferralId.ToString(),
            PerpetratorId = current.PerpetratorId.ToString(),
            AssessmentId = current.Id.ToString(),
            RiskOfViolence = current.RiskOfViolence.Level,
            Persistence = current.Persistence.Level,
            Recurrence = current.Recurrence.Level,
            PsychologicalDamage = current.PsychologicalDamage.Level,
            Summary = current.RiskSummary,
            AssessedAt = Formats.Instant(current.CompletedAt),
        };
    }
}
