using Grpc.Core;
using Masip.Contracts.Probation;
using Masip.Probation.Mappa.Recording;
using Masip.Probation.People;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.Mappa;

public sealed partial class MappaGrpc
{
    public override Task<MappaReply> RecordMappa(RecordMappaRequest request, ServerCallContext context)
    {
        var command = new RecordMappa(
            Require.Id(request.PersonId, "person_id"),
            Require.OneOf(request.Kind, "kind", RecordMappaDecision.Kinds),
            request.Category == 0 ? null : request.Category,
            request.Level == 0 ? null : request.Level,
            ProbationPeopleGrpc.OptionalDate(request.ReviewDate, "review_date"),
            Require.OptionalText(request.Rationale, "rationale"));
        return pipeline.OnStream<Person, MappaReply>(context, command.PersonId, "person_id",
            (person, scope) => RecordMappaDecision.Decide(person, command, scope.Now),
            person => new MappaReply { PersonId = person.Id.ToString(), Mappa = ProbationPeopleGrpc.MappaReply(person) });
    }
}
