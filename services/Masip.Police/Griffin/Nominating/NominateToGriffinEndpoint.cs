using Grpc.Core;
using JasperFx.Events;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Griffin.Nominating;
using Masip.Police.Perpetrators;
using Masip.Police.Restrictions;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Griffin;

public sealed partial class OperationGriffinGrpc
{
    public override Task<NominalReply> NominateToGriffin(NominateToGriffinRequest request, ServerCallContext context)
    {
        var command = new NominateToGriffin(Require.Id(request.CaseId, "case_id"),
            [.. request.Criteria.Select(c => Require.Text(c, "criteria"))], Require.Text(request.Rationale, "rationale"));
        var nominalId = Guid.Empty;
        return pipeline.Run(context,
            async scope =>
            {
                var @case = await scope.Require<StacCase>(command.CaseId, "case_id");
                await RestrictedAccess.CheckCommand(@case, context);
                var perpetrator = @case.PerpetratorId is { } id ? await scope.Load<Perpetrator>(id) : null;
                // One Griffin record per perpetrator: the stream exists only once a suspect is identified.
                IEventStream<Nominal>? stream = null;
                if (perpetrator is not null)
                {
                    nominalId = Nominal.IdFor(perpetrator.Id);
                    stream = await scope.Stream<Nominal>(nominalId);
                }
                var events = GriffinDecisions.Decide(stream?.Aggregate, @case, perpetrator, command, scope.Actor, scope.Now);
                stream?.AppendMany(events);
            },
            async scope => ToReply(await scope.Require<Nominal>(nominalId, "nominal_id")));
    }
}
