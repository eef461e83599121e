using Grpc.Core;
using Marten;
using Masip.Contracts.Probation;
using Masip.Probation.People;
using Masip.Probation.Psr;
using Masip.ServiceDefaults.Statistics;

namespace Masip.Probation.Statistics;

/// <summary>
/// The probation figures by month (issue 17.7). PSR consultations come from their read model (a
/// cohort by the month requested). A person's read model keeps only the MAPPA state, not when each
/// decision was made, so MAPPA decisions and release-due items are counted from the events
/// themselves, each dated by its own timestamp. Rows ordered by month, paged by offset; counts only.
/// </summary>
public sealed class ProbationStatisticsGrpc(IQuerySession query) : ProbationStatistics.ProbationStatisticsBase
{
    public override async Task<MonthlyStatisticsReply> ListMonthlyStatistics(ListMonthlyStatisticsRequest request, ServerCallContext context)
    {
        var period = StatisticsPeriod.Parse(request.From, request.To);
        var ct = context.CancellationToken;
        var months = new Months<ProbationMonth>(month => new ProbationMonth(month));
        ProbationMonth At(string month) => months.At(month);

        IQueryable<PsrConsultation> psrs = query.Query<PsrConsultation>();
        if (period.From is { } from)
            psrs = psrs.Where(p => p.RequestedOn >= from);
        if (period.To is { } to)
            psrs = psrs.Where(p => p.RequestedOn <= to);
        await foreach (var p in psrs.ToAsyncEnumerable(ct))
            At(StatisticsPeriod.MonthOf(p.RequestedOn)).Add(p);

        async Task Each<T>(Func<T, DateTimeOffset> at, Action<ProbationMonth, T> add) where T : class
        {
            await foreach (var e in query.Events.QueryRawEventDataOnly<T>().ToAsyncEnumerable(ct))
                if (period.Contains(at(e)))
                    add(At(StatisticsPeriod.MonthOf(at(e))), e);
        }
        await Each<MappaConsidered>(e => e.ConsideredAt, (m, e) => m.MappaDecision(e.PersonId));
        await Each<MappaReferralMade>(e => e.ReferredAt, (m, e) => { m.MappaDecision(e.PersonId); m.MappaReferred(); });
        await Each<MappaReferralAccepted>(e => e.AcceptedAt, (m, e) => { m.MappaDecision(e.PersonId); m.MappaAccepted(); });
        await Each<MappaCategorySet>(e => e.SetAt, (m, e) => { m.MappaDecision(e.PersonId); m.MappaCategory(e.Category); });
        await Each<MappaReviewSet>(e => e.SetAt, (m, e) => m.MappaDecision(e.PersonId));
        await Each<MappaConsiderationFlagged>(e => e.FlaggedAt, (m, _) => m.MappaFlagged());
        await foreach (var e in query.Events.QueryRawEventDataOnly<ReleaseDueRaised>().ToAsyncEnumerable(ct))
            if (period.Contains(e.ReleaseDate))
                At(StatisticsPeriod.MonthOf(e.ReleaseDate)).ReleaseDue(e);

        var (rows, page) = months.Page(request.Page, m => m.ToRow());
        var reply = new MonthlyStatisticsReply { Page = page };
        reply.Rows.AddRange(rows);
        return reply;
    }
}

/// <summary>One month at probation: the month's PSR consultations as a cohort, the MAPPA decisions of the month, the releases due in it.</summary>
public sealed class ProbationMonth(string month)
{
    private readonly MonthlyStatistics _row = new() { Month = month };
    private readonly HashSet<Guid> _mappaPeople = [];
    private readonly SortedDictionary<string, int> _categories = new(StringComparer.Ordinal);

    public void Add(PsrConsultation p)
    {
        _row.PsrRequested++;
        switch (p.Status)
        {
            case PsrStatus.Submitted:
                _row.PsrSubmitted++;
                if (p.SubmittedAt is { } at && DateOnly.FromDateTime(at.UtcDateTime) <= p.DueDate)
                    _row.PsrSubmittedByDueDate++;
                break;
            case PsrStatus.Withdrawn: _row.PsrWithdrawn++; break;
            default: _row.PsrOpen++; break;
        }
        if (p.DueAlertRaisedAt is not null)
            _row.PsrDueAlerts++;
    }

    /// <summary>Any MAPPA decision is a consideration (the guidance's); a person counts once a month.</summary>
    public void MappaDecision(Guid personId) => _mappaPeople.Add(personId);

    public void MappaReferred() => _row.MappaReferred++;

    public void MappaAccepted() => _row.MappaAccepted++;

    public void MappaCategory(int category) =>
        StatisticsPeriod.Count(_categories, category.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void MappaFlagged() => _row.MappaConsiderationsFlagged++;

    public void ReleaseDue(ReleaseDueRaised e)
    {
        _row.ReleasesDue++;
        if (!string.IsNullOrWhiteSpace(e.LicenceConditions))
            _row.ReleasesDueWithLicenceConditions++;
    }

    public MonthlyStatistics ToRow()
    {
        var r = _row.Clone();
        r.MappaConsidered = _mappaPeople.Count;
        r.MappaCategories.AddRange(_categories.Select(p => new CodeCount { Code = p.Key, Count = p.Value }));
        return r;
    }
}
