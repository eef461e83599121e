using Grpc.Core;
using Marten;
using Masip.Contracts.Probation;
using Masip.Probation.Nominals;
using Masip.Probation.People;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.Releases;

public sealed class ReleasesGrpc(IQuerySession query, TimeProvider clock) : Contracts.Probation.Releases.ReleasesBase
{
    public override async Task<ListReleasesDueReply> ListReleasesDue(ListReleasesDueRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var raised = await query.Query<Person>().Where(p => p.ReleaseDueRaisedFor != null).Take(2000).ToListAsync(ct);
        var due = raised
            .Where(p => p.ReleaseDueRaisedFor == p.ExpectedRelease && p.ExpectedRelease >= today)
            .OrderBy(p => p.ExpectedRelease)
            .ToList();
        var perpetrators = due.Where(p => p.PerpetratorId is not null).Select(p => p.PerpetratorId!.Value).ToArray();
        var nominals = perpetrators.Length == 0
            ? []
            : (await query.Query<KnownNominal>().Where(n => n.Id.In(perpetrators)).ToListAsync(ct)).Select(n => n.Id).ToHashSet();
        var reply = new ListReleasesDueReply();
        reply.Releases.AddRange(due.Select(p => new ReleaseDue
        {
            PersonId = p.Id.ToString(),
            PerpetratorId = p.PerpetratorId?.ToString() ?? "",
            ExpectedRelease = Formats.Date(p.ExpectedRelease!.Value),
            Establishment = p.Establishment ?? "",
            GriffinNominal = p.PerpetratorId is { } id && nominals.Contains(id),
            RaisedAt = p.ReleaseDueRaisedAt is { } at ? Formats.Instant(at) : "",
        }));
        return reply;
    }
}
