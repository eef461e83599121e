using Grpc.Core;
using Marten;
using Marten.Linq.MatchesSql;
using Masip.Contracts.Probation;
using Masip.Probation.Lists;
using Masip.Probation.Nominals;
using Masip.Probation.People;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;

namespace Masip.Probation.Releases;

public sealed partial class ReleasesGrpc(IQuerySession query, TimeProvider clock) : Contracts.Probation.Releases.ReleasesBase
{
    /// <summary>
    /// Releases raised as due (within 28 days) for the date on record and not yet past: the
    /// soonest first, then by person id (keyset pages).
    /// </summary>
    public override async Task<ListReleasesDueReply> ListReleasesDue(ListReleasesDueRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var size = Paging.Size(request.Page);
        var after = Keyset.DateAfter(request.Page);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var due = query.Query<Person>().Where(p => p.MatchesSql("d.release_due_raised_for = d.expected_release and d.expected_release >= ?", today));
        var total = await due.CountAsync(ct);
        var (page, next) = await Keyset.Page(
            due.After("expected_release", after?.Value, after?.Id ?? Guid.Empty).OrderBy(p => p.ExpectedRelease).ThenBy(p => p.Id),
            size, p => Keyset.Key(p.ExpectedRelease!.Value, p.Id), ct);

        var perpetrators = page.Where(p => p.PerpetratorId is not null).Select(p => p.PerpetratorId!.Value).ToArray();
        var nominals = perpetrators.Length == 0
            ? []
            : (await query.Query<KnownNominal>().Where(n => n.Id.In(perpetrators) && !n.Removed).ToListAsync(ct)).Select(n => n.Id).ToHashSet();
        var reply = new ListReleasesDueReply { Page = Paging.Info(next, total) };
        reply.Releases.AddRange(page.Select(p => new ReleaseDue
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
