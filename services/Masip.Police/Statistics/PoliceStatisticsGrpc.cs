using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Referrals;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Statistics;

/// <summary>
/// The numbers forces say they cannot produce (HMICFRS 003 R9, R13; only 15 of 43 forces could
/// estimate referral rates), by report date. Every number is an aggregate the database computes
/// over the case read model's columns: nothing is loaded into memory to be counted.
/// </summary>
public sealed partial class PoliceStatisticsGrpc(IQuerySession query) : PoliceStatistics.PoliceStatisticsBase
{
    public override async Task<StatisticsReply> GetStatistics(GetStatisticsRequest request, ServerCallContext context)
    {
        DateOnly? from = string.IsNullOrWhiteSpace(request.ReportedFrom) ? null : Require.Date(request.ReportedFrom, "reported_from");
        DateOnly? to = string.IsNullOrWhiteSpace(request.ReportedTo) ? null : Require.Date(request.ReportedTo, "reported_to");
        if (to < from)
            throw new InvalidFieldException("reported_to", "must not be before reported_from");
        var ct = context.CancellationToken;
        IQueryable<StacCase> period = query.Query<StacCase>();
        if (from is { } first)
            period = period.Where(c => c.ReportedOn >= first);
        if (to is { } last)
            period = period.Where(c => c.ReportedOn <= last);

        var reviewed = await period.CountAsync(c => c.Review != null, ct);
        var referred = await ReferredToAdvocacy(from, to, ct);
        var granted = period.Where(c => c.SpoDaysApplicationToGrant != null);
        var timedGrants = await granted.CountAsync(ct);
        var meanDays = timedGrants == 0 ? 0 : await granted.AverageAsync(c => c.SpoDaysApplicationToGrant!.Value, ct);

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
            SpoGranted = await period.CountAsync(c => c.SpoGrantedFlag, ct),
            SpoBreached = await period.CountAsync(c => c.SpoBreachedFlag, ct),
            ReferredToAdvocacy = referred,
            AdvocacyReferralRate = reviewed == 0 ? 0 : Math.Round((double)referred / reviewed, 4),
            MeanDaysApplicationToGrant = Math.Round(meanDays, 2),
        };
    }

    /// <summary>Cases reported in the period whose victim was referred to advocacy: one count the database answers from both indexed crime-reference columns.</summary>
    private async Task<int> ReferredToAdvocacy(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var cases = query.DocumentStore.Options.FindOrResolveDocumentType(typeof(StacCase)).TableName.QualifiedName;
        var referrals = query.DocumentStore.Options.FindOrResolveDocumentType(typeof(VictimReferral)).TableName.QualifiedName;
        var sql = $"select count(*)::int from {cases} c where exists (select 1 from {referrals} r where r.crime_reference = c.crime_reference)";
        var parameters = new List<object>();
        if (from is { } first)
        {
            sql += " and c.reported_on >= ?";
            parameters.Add(first);
        }
        if (to is { } last)
        {
            sql += " and c.reported_on <= ?";
            parameters.Add(last);
        }
        return (await query.QueryAsync<int>(sql, ct, [.. parameters])).Single();
    }
}
