using Grpc.Core;
using Masip.Contracts.Probation;
using Masip.Probation.People.Supervising;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.People;

public sealed partial class ProbationPeopleGrpc
{
    public override Task<PersonReply> AddLicenceCondition(AddLicenceConditionRequest request, ServerCallContext context)
    {
        var command = new AddLicenceCondition(
            Require.Id(request.PersonId, "person_id"),
            Require.Id(request.ConditionId, "condition_id"),
            Require.OneOf(request.Kind, "kind", Wire.ConditionKinds),
            Require.Text(request.Detail, "detail"),
            Require.OptionalText(request.ProtectedPerson, "protected_person"));
        return pipeline.OnStream<Person, PersonReply>(context, command.PersonId, "person_id",
            (person, scope) => AddLicenceConditionDecision.Decide(person, command, scope.Now), ToReply);
    }
}
