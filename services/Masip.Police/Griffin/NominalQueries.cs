using Grpc.Core;
using Masip.Contracts.Police;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Griffin;

public sealed partial class OperationGriffinGrpc
{
    public override async Task<NominalReply> GetNominal(GetNominalRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.NominalId, "nominal_id");
        return ToReply(await query.LoadAsync<Nominal>(id, context.CancellationToken) ?? throw NotFound.For<Nominal>("nominal_id", id));
    }
}
