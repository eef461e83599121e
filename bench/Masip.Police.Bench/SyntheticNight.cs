using System.Globalization;
using Masip.Contracts.Police;

namespace Masip.Police.Bench;

public sealed record BenchOptions(int Reports, int Batch, int Nominals, int Queries, string? Target)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(Number("--reports", 100_000), Number("--batch", 1000), Number("--nominals", 300), Number("--queries", 500), Value("--target"));
    }
}

/// <summary>
/// Synthetic crime reports shaped like London's (DOMAIN.md "Volumes"): mostly s2A and s4A, 82%
/// domestic-abuse flagged, some repeat suspects, some naming Griffin nominals. All made up.
/// </summary>
public sealed class SyntheticNight(int seed, int nominalCount)
{
    public static readonly string[] Boroughs = [.. Enumerable.Range(1, 32).Select(i => $"Borough {i:00}")];
    private static readonly string[] Relationships = ["ex-partner", "current-partner", "known-acquaintance", "stranger", "colleague-peer", "not-known"];
    private readonly Random _random = new(seed);
    private readonly string _run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private string NominalPnc(int i) => $"98/{i:000000}G";

    public IEnumerable<CrimeReportRecord> NominalReports() =>
        Enumerable.Range(0, nominalCount).Select(i => Report($"GRIF-{_run}-{i:000000}", "s4A", $"Test Nominal {i}", NominalPnc(i)));

    /// <summary>Operation Griffin's nominals, each from a reviewed Tier 3 case, nominated and accepted by the chair.</summary>
    public async Task CreateNominalsAsync(PoliceIntake.PoliceIntakeClient intake, StacReviews.StacReviewsClient reviews,
        OperationGriffin.OperationGriffinClient griffin, OperationGriffin.OperationGriffinClient griffinChair)
    {
        var nominalReports = NominalReports().ToList();
        await intake.ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { nominalReports } });
        foreach (var report in nominalReports)
        {
            var caseId = Masip.Police.Cases.StacCase.IdFor(report.CrimeReference).ToString();
            await reviews.ReviewReportAsync(new ReviewReportRequest
            {
                CaseId = caseId, Fixated = true, Obsessive = true, Unwanted = true, RepeatedConduct = true, RiskLevel = "high",
                RiskRationale = "synthetic", Tier = 3, TierReasons = "synthetic",
            });
            var nominal = await griffin.NominateToGriffinAsync(new NominateToGriffinRequest
            {
                CaseId = caseId, Criteria = { "high harm" }, Rationale = "synthetic",
            });
            await griffinChair.DecideNominationAsync(new DecideNominationRequest
            {
                NominalId = nominal.NominalId, Decision = "accept", Reason = "synthetic",
            });
        }
    }

    public IEnumerable<CrimeReportRecord> Reports(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var roll = _random.NextDouble();
            var offence = roll switch
            {
                < 0.25 => "s4A",
                < 0.70 => "s2A",
                < 0.85 => "harassment",
                < 0.97 => "malicious-communications",
                _ => "breach",
            };
            var who = _random.NextDouble();
            var (name, pnc) = who switch
            {
                < 0.03 when nominalCount > 0 => ($"Test Nominal {_random.Next(nominalCount)}", NominalPnc(_random.Next(nominalCount))),
                < 0.25 => ($"Test Repeat {_random.Next(5000)}", ""),
                _ => ($"Test Suspect {_run}-{i}", _random.NextDouble() < 0.4 ? $"97/{i:0000000}S" : ""),
            };
            yield return Report($"CRIS-{_run}-{i:0000000}", offence, name, pnc);
        }
    }

    private CrimeReportRecord Report(string reference, string offence, string suspect, string pnc)
    {
        var reported = DateTime.UtcNow.Date.AddDays(-_random.Next(0, 365));
        return new CrimeReportRecord
        {
            CrimeReference = reference,
            ReportedOn = reported.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            OffenceDate = reported.AddDays(-_random.Next(0, 120)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PrincipalClassification = offence,
            DomesticAbuse = _random.NextDouble() < 0.82,
            OnlineElement = _random.NextDouble() < 0.23,
            ChildrenInvolved = _random.NextDouble() < 0.29,
            SuspectName = suspect,
            SuspectDateOfBirth = new DateTime(1960, 1, 1).AddDays((suspect.GetHashCode(StringComparison.Ordinal) & 0x7FFFFFFF) % 15000).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            SuspectPncId = pnc,
            VictimName = $"Test Victim {_random.Next(100000)}",
            VictimPhone = $"07700 900{_random.Next(1000):000}",
            Relationship = Relationships[_random.Next(Relationships.Length)],
            Summary = "Synthetic report for the benchmark.",
            OfficerInCase = $"officer-{_random.Next(500)}",
            Borough = Boroughs[_random.Next(Boroughs.Length)],
            Unit = "CID",
        };
    }
}
