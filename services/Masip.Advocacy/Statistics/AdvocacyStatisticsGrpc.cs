using Grpc.Core;
using Marten;
using Masip.Advocacy.Referrals;
using Masip.Advocacy.Support;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Statistics;

namespace Masip.Advocacy.Statistics;

/// <summary>
/// The advocacy figures by month (issue 17.7): the referral and support-episode read models are the
/// statistics' read models. Referrals received in the period and the episodes opened or closed in
/// it are read through once, tallied per month, ordered by month and paged by offset. Counts only.
/// </summary>
public sealed class AdvocacyStatisticsGrpc(IQuerySession query) : AdvocacyStatistics.AdvocacyStatisticsBase
{
    public override async Task<MonthlyStatisticsReply> ListMonthlyStatistics(ListMonthlyStatisticsRequest request, ServerCallContext context)
    {
        var period = StatisticsPeriod.Parse(request.From, request.To);
        var ct = context.CancellationToken;
        var months = new Months<AdvocacyMonth>(month => new AdvocacyMonth(month));
        AdvocacyMonth At(string month) => months.At(month);

        IQueryable<Referral> referrals = query.Query<Referral>();
        if (period.FromInstant is { } from)
            referrals = referrals.Where(r => r.ReceivedAt >= from);
        if (period.ToExclusive is { } before)
            referrals = referrals.Where(r => r.ReceivedAt < before);
        await foreach (var r in referrals.ToAsyncEnumerable(ct))
            At(StatisticsPeriod.MonthOf(r.ReceivedAt)).Add(r);

        // Every episode: the caseload at a month's end needs the episodes opened before the period too.
        var episodes = new List<SupportEpisode>();
        await foreach (var e in query.Query<SupportEpisode>().ToAsyncEnumerable(ct))
        {
            episodes.Add(e);
            if (period.Contains(e.OpenedAt))
                At(StatisticsPeriod.MonthOf(e.OpenedAt)).Opened(e);
            if (e.ClosedAt is { } closed && period.Contains(closed))
                At(StatisticsPeriod.MonthOf(closed)).Closed(e);
        }
        foreach (var month in months.Values)
            month.CaseloadsAt(StatisticsPeriod.EndOf(month.Month), episodes);

        var (rows, page) = months.Page(request.Page, m => m.ToRow());
        var reply = new MonthlyStatisticsReply { Page = page };
        reply.Rows.AddRange(rows);
        return reply;
    }
}

/// <summary>One month of advocacy: the month's referrals as a cohort, the episodes opened and closed in it, the caseloads at its end.</summary>
public sealed class AdvocacyMonth(string month)
{
    private readonly MonthlyStatistics _row = new() { Month = month };
    private readonly SortedDictionary<string, int> _sources = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private readonly List<double> _hoursToFirstContact = [];

    public string Month => month;

    public void Add(Referral r)
    {
        _row.ReferralsReceived++;
        StatisticsPeriod.Count(_sources, r.Source);
        switch (r.Status)
        {
            case ReferralStatus.Accepted: _row.Accepted++; break;
            case ReferralStatus.Declined: _row.Declined++; break;
            default: _row.Pending++; break;
        }
        if (r.Triage is { } t)
        {
            _row.Triaged++;
            switch (t.RiskLevel)
            {
                case RiskLevel.High: _row.RiskHigh++; break;
                case RiskLevel.Medium: _row.RiskMedium++; break;
                default: _row.RiskStandard++; break;
            }
        }
        if (r.Contacts.Count > 0)
        {
            var hours = (r.Contacts.Min(c => c.ContactedAt) - r.ReceivedAt).TotalHours;
            _row.Contacted++;
            _hoursToFirstContact.Add(Math.Max(0, hours));
            if (hours <= 48)
                _row.ContactedWithin48Hours++;
        }
    }

    public void Opened(SupportEpisode e)
    {
        _row.EpisodesOpened++;
        if (e.Level == SupportLevel.Brief) _row.BriefOpened++;
        else _row.AdvocacyOpened++;
    }

    public void Closed(SupportEpisode e)
    {
        _row.EpisodesClosed++;
        StatisticsPeriod.Count(_outcomes, e.Outcome ?? "not-recorded");
    }

    /// <summary>The episodes open at <paramref name="end"/>: opened by then and not closed by then.</summary>
    public void CaseloadsAt(DateTimeOffset end, IEnumerable<SupportEpisode> episodes)
    {
        var open = episodes.Where(e => e.OpenedAt <= end && (e.ClosedAt is null || e.ClosedAt > end)).ToList();
        var advocacy = open.Where(e => e.Level == SupportLevel.Advocacy).ToList();
        _row.OpenAdvocacyCasesAtMonthEnd = advocacy.Count;
        _row.OpenBriefCasesAtMonthEnd = open.Count - advocacy.Count;
        _row.AdvocatesWithCasesAtMonthEnd = open.Select(e => e.AdvocateId).Distinct(StringComparer.Ordinal).Count();
        _row.LargestAdvocacyCaseloadAtMonthEnd = advocacy.Count == 0 ? 0 : advocacy.GroupBy(e => e.AdvocateId).Max(g => g.Count());
    }

    public MonthlyStatistics ToRow()
    {
        var r = _row.Clone();
        r.AcceptanceRate = StatisticsPeriod.Rate(r.Accepted, r.Accepted + r.Declined);
        r.MeanHoursToFirstContact = StatisticsPeriod.Mean(_hoursToFirstContact);
        r.MedianHoursToFirstContact = StatisticsPeriod.Median(_hoursToFirstContact);
        r.ReferralsBySource.AddRange(_sources.Select(p => new CodeCount { Code = p.Key, Count = p.Value }));
        r.Outcomes.AddRange(_outcomes.Select(p => new CodeCount { Code = p.Key, Count = p.Value }));
        return r;
    }
}
