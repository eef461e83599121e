using Grpc.Core;
using Marten;
using Masip.Contracts.Nhs;
using Masip.Nhs.Assessments;
using Masip.Nhs.Interventions;
using Masip.ServiceDefaults.Statistics;
using Referral = Masip.Nhs.Referrals.Referral;
using ReferralStatus = Masip.Nhs.Referrals.ReferralStatus;

namespace Masip.Nhs.Statistics;

/// <summary>
/// The NHS figures by month (issue 17.7): the referral, assessment and episode read models are the
/// statistics' read models, each read through once and tallied per month; rows ordered by month,
/// paged by offset. Counts only: no clinical detail, no person.
/// </summary>
public sealed class NhsStatisticsGrpc(IQuerySession query) : NhsStatistics.NhsStatisticsBase
{
    public override async Task<MonthlyStatisticsReply> ListMonthlyStatistics(ListMonthlyStatisticsRequest request, ServerCallContext context)
    {
        var period = StatisticsPeriod.Parse(request.From, request.To);
        var ct = context.CancellationToken;
        var months = new Months<NhsMonth>(month => new NhsMonth(month));
        NhsMonth At(string month) => months.At(month);

        // Every referral: the waiting list at a month's end needs the referrals received before the period too.
        var referrals = new List<Referral>();
        await foreach (var r in query.Query<Referral>().ToAsyncEnumerable(ct))
        {
            referrals.Add(r);
            if (period.Contains(r.ReceivedAt))
                At(StatisticsPeriod.MonthOf(r.ReceivedAt)).Add(r);
        }
        await foreach (var a in query.Query<Assessment>().ToAsyncEnumerable(ct))
            if (period.Contains(a.CompletedAt))
                At(StatisticsPeriod.MonthOf(a.CompletedAt)).Add(a);
        await foreach (var e in query.Query<Episode>().ToAsyncEnumerable(ct))
        {
            if (period.Contains(e.StartedAt))
                At(StatisticsPeriod.MonthOf(e.StartedAt)).Started(e);
            if (e.EndedAt is { } ended && period.Contains(ended))
                At(StatisticsPeriod.MonthOf(ended)).Ended(e);
            foreach (var s in e.Sessions.Where(s => period.Contains(s.Date)))
                At(StatisticsPeriod.MonthOf(s.Date)).Add(s);
            foreach (var m in e.Measures.Where(m => period.Contains(m.MeasuredOn)))
                At(StatisticsPeriod.MonthOf(m.MeasuredOn)).MeasureRecorded();
        }
        foreach (var month in months.Values)
            month.WaitingAt(StatisticsPeriod.EndOf(month.Month), referrals);

        var (rows, page) = months.Page(request.Page, m => m.ToRow());
        var reply = new MonthlyStatisticsReply { Page = page };
        reply.Rows.AddRange(rows);
        return reply;
    }
}

/// <summary>One month at the NHS: the month's referrals as a cohort; assessments, interventions, sessions and measures of the month.</summary>
public sealed class NhsMonth(string month)
{
    private readonly MonthlyStatistics _row = new() { Month = month };
    private readonly SortedDictionary<string, int> _routes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _modalities = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _endReasons = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, List<double>> _changes = new(StringComparer.Ordinal);
    private readonly List<double> _daysToDecision = [];

    public string Month => month;

    public void Add(Referral r)
    {
        _row.ReferralsReceived++;
        StatisticsPeriod.Count(_routes, r.Route);
        switch (r.Status)
        {
            case ReferralStatus.Accepted: _row.Accepted++; break;
            case ReferralStatus.Declined: _row.Declined++; break;
            default: _row.Waiting++; break;
        }
        if (r.DecidedAt is { } decided)
            _daysToDecision.Add(Math.Max(0, (decided - r.ReceivedAt).TotalDays));
    }

    public void Add(Assessment a)
    {
        _row.AssessmentsCompleted++;
        if (a.SupersedesAssessmentId is not null)
            _row.Reassessments++;
    }

    public void Started(Episode e)
    {
        _row.InterventionsStarted++;
        StatisticsPeriod.Count(_modalities, e.Modality);
    }

    public void Ended(Episode e)
    {
        _row.InterventionsEnded++;
        StatisticsPeriod.Count(_endReasons, e.EndReason ?? "not-recorded");
        foreach (var change in EpisodeOutcomes.Of(e).Changes)
            if (change.Change is { } delta)
            {
                if (!_changes.TryGetValue(change.Measure, out var list))
                    _changes[change.Measure] = list = [];
                list.Add(delta);
            }
    }

    public void Add(LoggedSession s)
    {
        switch (s.Attendance)
        {
            case Episode.Attended: _row.SessionsAttended++; break;
            case Episode.DidNotAttend: _row.SessionsMissed++; break;
            case Episode.Cancelled: _row.SessionsCancelled++; break;
        }
    }

    public void MeasureRecorded() => _row.OutcomeMeasuresRecorded++;

    /// <summary>Referrals received by <paramref name="end"/> and not decided by then.</summary>
    public void WaitingAt(DateTimeOffset end, IEnumerable<Referral> referrals) =>
        _row.WaitingAtMonthEnd = referrals.Count(r => r.ReceivedAt <= end && (r.DecidedAt is null || r.DecidedAt > end));

    public MonthlyStatistics ToRow()
    {
        var r = _row.Clone();
        r.MeanDaysToDecision = StatisticsPeriod.Mean(_daysToDecision);
        r.ReferralsByRoute.AddRange(Codes(_routes));
        r.InterventionsByModality.AddRange(Codes(_modalities));
        r.EndReasons.AddRange(Codes(_endReasons));
        r.MeasureChanges.AddRange(_changes.Select(p => new MeasureChangeSummary
        {
            Measure = p.Key, Paired = p.Value.Count, MeanChange = StatisticsPeriod.Mean(p.Value),
        }));
        return r;
    }

    private static IEnumerable<CodeCount> Codes(SortedDictionary<string, int> counts) =>
        counts.Select(p => new CodeCount { Code = p.Key, Count = p.Value });
}
