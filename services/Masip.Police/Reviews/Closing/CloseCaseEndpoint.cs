using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Reviews.Closing;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Reviews;

public sealed partial class StacReviewsGrpc
{
    public override Task<CaseReply> CloseCase(CloseCaseRequest request, ServerCallContext context)
    {
        var command = new CloseCase(
            Require.Id(request.CaseId, "case_id"),
            Require.OneOf(request.Outcome, "outcome", CloseCaseDecision.Outcomes),
            Require.Text(request.Reason, "reason"),
            StalkingRecords.Optional(request.HomeOfficeOutcome, "home_office_outcome", CloseCaseDecision.HomeOfficeOutcomes),
            StalkingRecords.Optional(request.NfaReason, "nfa_reason", CloseCaseDecision.NfaReasons),
            StalkingRecords.Optional(request.WithdrawalReason, "withdrawal_reason", CloseCaseDecision.WithdrawalReasons));
        return OnCase(context, command.CaseId, (c, scope) => CloseCaseDecision.Decide(c, command, scope.Actor, scope.Now));
    }
}
