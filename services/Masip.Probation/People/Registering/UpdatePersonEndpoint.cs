using Grpc.Core;
using Masip.Contracts.Probation;
using Masip.Probation.People.Registering;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.People;

public sealed partial class ProbationPeopleGrpc
{
    public override Task<PersonReply> UpdatePerson(UpdatePersonRequest request, ServerCallContext context)
    {
        var command = new UpdatePerson(
            Require.Id(request.PersonId, "person_id"),
            Require.Text(request.Name, "name"),
            Require.Date(request.DateOfBirth, "date_of_birth"),
            Require.OptionalText(request.PncId, "pnc_id"),
            OptionalId(request.PerpetratorId, "perpetrator_id"));
        return pipeline.Run(context,
            async scope =>
            {
                var stream = await scope.Existing<Person>(command.PersonId, "person_id");
                var pncHolder = await PersonIdentity.PncHolder(scope, command.PersonId, command.PncId);
                await PersonIdentity.Append(scope, stream, UpdatePersonDecision.Decide(stream.Aggregate!, command, pncHolder, scope.Now));
            },
            async scope => ToReply(await scope.Require<Person>(command.PersonId, "person_id")));
    }
}
