using Grpc.Core;
using Masip.Contracts.Probation;
using Masip.Probation.People.Supervising;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.People;

public sealed partial class ProbationPeopleGrpc
{
    public override Task<PersonReply> RecordSupervision(RecordSupervisionRequest request, ServerCallContext context)
    {
        var command = new RecordSupervision(
            Require.Id(request.PersonId, "person_id"),
            Require.Id(request.SupervisionId, "supervision_id"),
            Require.OneOf(request.OrderType, "order_type", Wire.OrderTypes),
            Require.Date(request.StartDate, "start_date"),
            OptionalDate(request.EndDate, "end_date"),
            [.. request.Requirements.Select(r => Require.Text(r, "requirements"))],
            Require.Text(request.ResponsibleOfficer, "responsible_officer"));
        return pipeline.OnStream<Person, PersonReply>(context, command.PersonId, "person_id",
            (person, scope) => RecordSupervisionDecision.Decide(person, command, scope.Now), ToReply);
    }
}
