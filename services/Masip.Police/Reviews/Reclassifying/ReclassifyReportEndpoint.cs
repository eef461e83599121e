using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Reviews.Reclassifying;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Reviews;

public sealed partial class StacReviewsGrpc
{
    public override Task<CaseReply> ReclassifyReport(ReclassifyReportRequest request, ServerCallContext context)
    {
        var command = new ReclassifyReport(
            Require.Id(request.CaseId, "case_id"),
            Require.OneOf(request.PrincipalClassification, "principal_classification", Offences.ByWireName),
            [.. request.IncludedClassifications.Select(c => Require.OneOf(c, "included_classifications", Offences.ByWireName))],
            Require.Text(request.Reason, "reason"));
        return OnCase(context, command.CaseId, (c, scope) => ReclassifyReportDecision.Decide(c, command, scope.Actor, scope.Now));
    }
}
