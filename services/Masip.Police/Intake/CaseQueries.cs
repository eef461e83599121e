using Grpc.Core;
using Masip.Contracts.Police;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Intake;

public sealed partial class PoliceIntakeGrpc
{
    public override Task<CaseReply> GetCase(GetCaseRequest request, ServerCallContext context) =>
        CaseView(Require.Id(request.CaseId, "case_id"), context);
}
