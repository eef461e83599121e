using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Referrals;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Statistics;

/// <summary>
/// The numbers forces say they cannot produce (HMICFRS 003 R9, R13; only 15 of 43 forces could
/// estimate referral rates), counted from the case read model's indexed columns, by report date.
/// </summary>
public sealed class PoliceStatisticsGrpc(IQuerySession query) : PoliceStatistics.PoliceStatisticsBase
{
    public override async Task<StatisticsReply> GetStatistics(GetStatisticsRequest request, ServerCallContext context)
    {
        var from = string.IsNullOrWhiteSpace(request.ReportedFrom) ? DateOnly.MinValue : Require.Date(request.ReportedFrom, "reported_from");
        var to = string.IsNullOrWhiteSpace(request.ReportedTo) ? DateOnly.MaxValue : Require.Date(request.ReportedTo, "reported_to");
        if (to < from)
            throw new InvalidFieldException("reported_to", "must not be before reported_from");
        var ct = context.CancellationToken;
        var period = query.Query<StacCase>().Where(c => c.ReportedOn >= from && c.ReportedOn <= to);

        var reviewed = await period.CountAsync(c => c.Review != null, ct);
        var referredReferences = await query.Query<VictimReferral>().Select(r => r.CrimeReference).Distinct().ToListAsync(ct);
        var referred = referredReferences.Count == 0 ? 0
            : await period.CountAsync(c => c.CrimeReference.IsOneOf(referredReferences.ToArray()), ct);
        var grants = await period.Where(c => c.SpoGrantedFlag).Select(c => c.Spo).ToListAsync(ct);
        var durations = grants.Where(s => s.AppliedOn is not null && s.GrantedAt is not null)
            .Select(s => DateOnly.FromDateTime(s.GrantedAt!.Value.UtcDateTime).DayNumber - s.AppliedOn!.Value.DayNumber).ToList();

        return new StatisticsReply
        {
            Reports = await period.CountAsync(ct),
            S4A = await period.CountAsync(c => c.Principal == Offence.S4A, ct),
            S2A = await period.CountAsync(c => c.Principal == Offence.S2A, ct),
            DomesticAbuse = await period.CountAsync(c => c.Report.Flags.DomesticAbuse, ct),
            OnlineElement = await period.CountAsync(c => c.Report.Flags.OnlineElement, ct),
            Reviewed = reviewed,
            SpoConsidered = await period.CountAsync(c => c.SpoConsideredFlag, ct),
            SpoApplied = await period.CountAsync(c => c.SpoAppliedFlag, ct),
            SpoGranted = grants.Count,
            SpoBreached = await period.CountAsync(c => c.SpoBreachedFlag, ct),
            ReferredToAdvocacy = referred,
            AdvocacyReferralRate = reviewed == 0 ? 0 : Math.Round((double)referred / reviewed, 4),
            MeanDaysApplicationToGrant = durations.Count == 0 ? 0 : Math.Round(durations.Average(), 2),
        };
    }
}
