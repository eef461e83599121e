using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Referrals;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;

namespace Masip.Police.Statistics;

public sealed partial class PoliceStatisticsGrpc
{
    /// <summary>
    /// The counts by month and borough. The cases of the period stream through once (the case read
    /// model is the statistics' read model) and are tallied per month and borough; the rows are
    /// ordered by month, then borough, and paged by offset.
    /// </summary>
    public override async Task<MonthlyStatisticsReply> ListMonthlyStatistics(ListMonthlyStatisticsRequest request, ServerCallContext context)
    {
        DateOnly? from = string.IsNullOrWhiteSpace(request.ReportedFrom) ? null : Require.Date(request.ReportedFrom, "reported_from");
        DateOnly? to = string.IsNullOrWhiteSpace(request.ReportedTo) ? null : Require.Date(request.ReportedTo, "reported_to");
        if (to < from)
            throw new InvalidFieldException("reported_to", "must not be before reported_from");
        var borough = Require.OptionalText(request.Borough, "borough", 100);
        var size = Paging.Size(request.Page);
        var offset = Paging.Offset(request.Page);
        var ct = context.CancellationToken;

        IQueryable<StacCase> period = query.Query<StacCase>();
        if (from is { } first)
            period = period.Where(c => c.ReportedOn >= first);
        if (to is { } last)
            period = period.Where(c => c.ReportedOn <= last);
        if (borough is not null)
            period = period.Where(c => c.Borough == borough);

        var advocacy = (await query.Query<VictimReferral>().Select(r => r.CrimeReference).ToListAsync(ct))
            .Select(StacCase.IdFor).ToHashSet();
        var partners = await query.Query<PerpetratorReferral>().ToListAsync(ct);
        var nhs = partners.Where(p => p.Receiver == "nhs").Select(p => p.CaseId).ToHashSet();
        var probation = partners.Where(p => p.Receiver == "probation").Select(p => p.CaseId).ToHashSet();

        var tallies = new SortedDictionary<(string Month, string Borough), MonthlyTally>();
        await foreach (var c in period.ToAsyncEnumerable(ct))
        {
            var key = (MonthlyTally.MonthOf(c.ReportedOn), c.Borough);
            if (!tallies.TryGetValue(key, out var tally))
                tallies[key] = tally = new MonthlyTally(key.Item1, key.Item2);
            tally.Add(c, new CaseReferrals(advocacy.Contains(c.Id), nhs.Contains(c.Id), probation.Contains(c.Id)));
        }

        var rows = tallies.Values.Skip(offset).Take(size).Select(t => t.ToRow()).ToList();
        var reply = new MonthlyStatisticsReply { Page = Paging.OffsetInfo(offset, rows.Count, tallies.Count) };
        reply.Rows.AddRange(rows);
        return reply;
    }
}
