using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Reviews.ReviewingReports;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Reviews;

public sealed partial class StacReviewsGrpc
{
    public override Task<CaseReply> ReviewReport(ReviewReportRequest request, ServerCallContext context)
    {
        var command = new ReviewReport(
            Require.Id(request.CaseId, "case_id"),
            new FourAnswers(request.Fixated, request.Obsessive, request.Unwanted, request.RepeatedConduct),
            Require.OneOf(request.RiskLevel, "risk_level", RiskLevels.Allowed),
            Require.Text(request.RiskRationale, "risk_rationale"),
            Require.OptionalText(request.AdviceToOic, "advice_to_oic"),
            request.Tier,
            Require.Text(request.TierReasons, "tier_reasons"),
            request.ReReview,
            StalkingRecords.Optional(request.EscalationOfficer, "escalation_officer", StalkingRecords.Escalations),
            Require.OptionalText(request.S2AJustification, "s2a_justification"),
            string.IsNullOrWhiteSpace(request.S4ALimb) ? null : Require.OneOf(request.S4ALimb, "s4a_limb", S4aLimbs.Allowed));
        return OnCase(context, command.CaseId, (c, scope) => ReviewReportDecision.Decide(c, command, scope.Actor, scope.Now));
    }
}
