using Grpc.Core;
using Marten;
using Masip.Contracts.Probation;
using Masip.Probation.Mappa.Recording;
using Masip.Probation.People;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.Mappa;

public sealed class MappaGrpc(PersonCommands people, IQuerySession query) : Contracts.Probation.Mappa.MappaBase
{
    public override async Task<MappaReply> RecordMappa(RecordMappaRequest request, ServerCallContext context)
    {
        var command = new RecordMappa(
            Require.Id(request.PersonId, "person_id"),
            Require.OneOf(request.Kind, "kind", RecordMappaDecision.Kinds),
            request.Category == 0 ? null : request.Category,
            request.Level == 0 ? null : request.Level,
            string.IsNullOrWhiteSpace(request.ReviewDate) ? null : Require.Date(request.ReviewDate, "review_date"),
            Require.OptionalText(request.Rationale, "rationale"));
        var person = await people.Execute(command.PersonId, (p, now) => RecordMappaDecision.Decide(p, command, now), context.CancellationToken);
        return new MappaReply { PersonId = person.Id.ToString(), Mappa = ProbationPeopleGrpc.MappaReply(person) };
    }

    public override async Task<ListMappaFlagsReply> ListMappaFlags(ListMappaFlagsRequest request, ServerCallContext context)
    {
        var flagged = await query.Query<Person>()
            .Where(p => p.MappaFlaggedCaseId != null)
            .OrderBy(p => p.MappaFlaggedAt)
            .Take(500)
            .ToListAsync(context.CancellationToken);
        var reply = new ListMappaFlagsReply();
        reply.Flags.AddRange(flagged.Select(p => new MappaFlag
        {
            PersonId = p.Id.ToString(),
            PerpetratorId = p.PerpetratorId?.ToString() ?? "",
            CaseId = p.MappaFlaggedCaseId!.Value.ToString(),
            FlaggedAt = p.MappaFlaggedAt is { } at ? Formats.Instant(at) : "",
        }));
        return reply;
    }
}
