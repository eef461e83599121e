using Grpc.Core;
using Masip.Contracts.Nhs;
using Masip.Nhs.Assessments.CompletingAssessments;
using Masip.Nhs.Referrals;

namespace Masip.Nhs.Assessments;

public sealed partial class NhsAssessmentsGrpc
{
    public override Task<AssessmentReply> CompleteAssessment(CompleteAssessmentRequest request, ServerCallContext context)
    {
        var command = CompleteAssessmentDecision.Validate(request);
        return pipeline.Run(context,
            async scope =>
            {
                // The referral's stream is written too (its current assessment): two assessments of one
                // referral at once conflict there, and the loser is decided again and sees the winner.
                var referral = await scope.Existing<Referral>(command.ReferralId, "referral_id");
                var assessment = await scope.Stream<Assessment>(command.AssessmentId);
                var events = CompleteAssessmentDecision.Decide(referral.Aggregate!, assessment.Aggregate, command, scope.Actor, scope.Now);
                foreach (var e in events)
                {
                    switch (e)
                    {
                        case AssessmentCompleted:
                            assessment.AppendOne(e);
                            break;
                        case ReferralAssessed:
                            referral.AppendOne(e);
                            break;
                        case AssessmentSuperseded superseded:
                            (await scope.Existing<Assessment>(superseded.AssessmentId, "supersedes_assessment_id")).AppendOne(e);
                            break;
                    }
                }
            },
            async scope => ToReply(await scope.Require<Assessment>(command.AssessmentId, "assessment_id")));
    }
}
