using Grpc.Core;
using Masip.Contracts.Probation;
using Masip.Probation.People.Custody;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.People;

public sealed partial class ProbationPeopleGrpc
{
    public override Task<PersonReply> RecordCustody(RecordCustodyRequest request, ServerCallContext context)
    {
        var command = new RecordCustody(
            Require.Id(request.PersonId, "person_id"),
            Require.Text(request.Establishment, "establishment"),
            Require.Date(request.ExpectedRelease, "expected_release"));
        return pipeline.OnStream<Person, PersonReply>(context, command.PersonId, "person_id",
            (person, scope) => RecordCustodyDecision.Decide(person, command, scope.Now), ToReply);
    }
}
