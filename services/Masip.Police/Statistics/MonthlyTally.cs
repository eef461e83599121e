using Masip.Contracts.Police;
using Masip.Police.Cases;

namespace Masip.Police.Statistics;

/// <summary>Which partner agencies a case's people were referred to.</summary>
public sealed record CaseReferrals(bool Advocacy, bool Nhs, bool Probation);

/// <summary>
/// The counts of one month (of report) in one borough, from the case read model: what forces say
/// they cannot count (s2A/s4A, s4A(i)/(ii), DA context, online, tiers, outcomes, referral rates;
/// HMICFRS 003 R9, R13), the SPO lifecycle with the coded "why not", and referral rates by tier and
/// relationship. A rate is over the reviewed cases, as GetStatistics counts it.
/// </summary>
public sealed class MonthlyTally(string month, string borough)
{
    private readonly MonthlyStatistics _row = new() { Month = month, Borough = borough };
    private readonly SortedDictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _nfaReasons = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _spoStatuses = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _whyNot = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _relationships = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, ReferralRates> _byTier = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, ReferralRates> _byRelationship = new(StringComparer.Ordinal);
    private int _grantDays;
    private int _timedGrants;

    /// <summary>A free-text "why not" with no code is still a decision not to apply: counted, as not coded.</summary>
    public const string NotCoded = "not-coded";

    public static string MonthOf(DateOnly reportedOn) => reportedOn.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public void Add(StacCase c, CaseReferrals referred)
    {
        var r = _row;
        r.Reports++;
        if (c.Principal == Offence.S4A) r.S4A++;
        if (c.Principal == Offence.S2A) r.S2A++;
        if (c.Stalking.FearOfViolence) r.S4AFearOfViolence++;
        if (c.Stalking.SeriousAlarmOrDistress) r.S4ASeriousAlarmOrDistress++;
        if (c.S4aProposed) r.S4AProposed++;
        if (c.Report.Flags.DomesticAbuse) r.DomesticAbuse++;
        if (c.Report.Flags.OnlineElement) r.OnlineElement++;
        if (c.Review is not null) r.Reviewed++;
        switch (c.Review?.S4aLimb)
        {
            case "i": r.ReviewedS4AI++; break;
            case "ii": r.ReviewedS4AIi++; break;
            case "both": r.ReviewedS4ABoth++; break;
        }
        switch (c.Tier)
        {
            case 1: r.Tier1++; break;
            case 2: r.Tier2++; break;
            case 3: r.Tier3++; break;
        }
        if (c.Status == CaseStatus.Closed)
        {
            r.Closed++;
            if (c.Outcome == "charge") r.Charged++;
            if (c.Outcome == "nfa") r.Nfa++;
            if (c.Outcome == "time-limit-expired") r.TimeLimitExpired++;
            if (c.Closure?.HomeOfficeOutcome is { } code) _codes[code] = _codes.GetValueOrDefault(code) + 1;
            if (c.Closure?.NfaReason is { } reason) _nfaReasons[reason] = _nfaReasons.GetValueOrDefault(reason) + 1;
        }
        if (referred.Advocacy) r.ReferredToAdvocacy++;
        if (referred.Nhs) r.ReferredToNhs++;
        if (referred.Probation) r.ReferredToProbation++;
        Count(_relationships, c.Report.Relationship);

        var spo = c.Spo;
        if (spo.Considered) r.SpoConsidered++;
        if (spo.WillApply == true) r.SpoWillApply++;
        if (spo.WillApply == false)
        {
            r.SpoNotApplying++;
            Count(_whyNot, spo.WhyNot ?? NotCoded);
        }
        if (spo.Applied) r.SpoApplied++;
        if (spo.GrantedAt is not null) r.SpoGranted++;
        if (spo.Breaches > 0) r.SpoBreached++;
        if (spo.Status != "none") Count(_spoStatuses, spo.Status);
        if (c.SpoDaysApplicationToGrant is { } days)
        {
            _grantDays += days;
            _timedGrants++;
        }

        if (c.Review is not null)
        {
            if (c.Tier is { } tier) Group(_byTier, tier.ToString(System.Globalization.CultureInfo.InvariantCulture), referred);
            Group(_byRelationship, c.Report.Relationship, referred);
        }
    }

    private static void Count(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static void Group(SortedDictionary<string, ReferralRates> groups, string key, CaseReferrals referred)
    {
        if (!groups.TryGetValue(key, out var g))
            groups[key] = g = new ReferralRates { Group = key };
        g.Reviewed++;
        if (referred.Advocacy) g.Advocacy++;
        if (referred.Nhs) g.Nhs++;
        if (referred.Probation) g.Probation++;
    }

    private static IEnumerable<CodeCount> Codes(SortedDictionary<string, int> counts) =>
        counts.Select(p => new CodeCount { Code = p.Key, Count = p.Value });

    private static IEnumerable<ReferralRates> Rates(SortedDictionary<string, ReferralRates> groups) => groups.Values.Select(g =>
    {
        var rates = g.Clone();
        rates.AdvocacyRate = Rate(g.Advocacy, g.Reviewed);
        rates.NhsRate = Rate(g.Nhs, g.Reviewed);
        rates.ProbationRate = Rate(g.Probation, g.Reviewed);
        return rates;
    });

    public MonthlyStatistics ToRow()
    {
        var r = _row.Clone();
        r.AdvocacyReferralRate = Rate(r.ReferredToAdvocacy, r.Reviewed);
        r.NhsReferralRate = Rate(r.ReferredToNhs, r.Reviewed);
        r.ProbationReferralRate = Rate(r.ReferredToProbation, r.Reviewed);
        r.HomeOfficeOutcomes.AddRange(_codes.Select(p => new CodeCount { Code = p.Key, Count = p.Value }));
        r.NfaReasons.AddRange(_nfaReasons.Select(p => new CodeCount { Code = p.Key, Count = p.Value }));
        r.SpoStatuses.AddRange(Codes(_spoStatuses));
        r.SpoWhyNot.AddRange(Codes(_whyNot));
        r.Relationships.AddRange(Codes(_relationships));
        r.ReferralRatesByTier.AddRange(Rates(_byTier));
        r.ReferralRatesByRelationship.AddRange(Rates(_byRelationship));
        r.MeanDaysApplicationToGrant = _timedGrants == 0 ? 0 : Math.Round((double)_grantDays / _timedGrants, 2);
        return r;
    }

    private static double Rate(int referred, int reviewed) => reviewed == 0 ? 0 : Math.Round((double)referred / reviewed, 4);
}
