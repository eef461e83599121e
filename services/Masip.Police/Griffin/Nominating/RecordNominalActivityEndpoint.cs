using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Griffin.Nominating;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Griffin;

public sealed partial class OperationGriffinGrpc
{
    public override Task<NominalReply> RecordNominalActivity(RecordNominalActivityRequest request, ServerCallContext context)
    {
        var command = new RecordNominalActivity(Require.Id(request.NominalId, "nominal_id"), Require.Text(request.Activity, "activity"),
            Require.OptionalText(request.CrimeReference, "crime_reference"));
        return OnNominal(context, command.NominalId, (n, scope) => GriffinDecisions.Decide(n, command, scope.Actor, scope.Now));
    }
}
