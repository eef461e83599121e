using Grpc.Core;
using Masip.Contracts.Police;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Perpetrators;

public sealed partial class PolicePerpetratorsGrpc
{
    public override Task<SuspectHistoryReply> GetSuspectHistory(GetSuspectHistoryRequest request, ServerCallContext context) =>
        History(query, Require.Id(request.PerpetratorId, "perpetrator_id"), context.CancellationToken);
}
