using System.Globalization;
using Google.Protobuf;
using Masip.Contracts.Police;

namespace Masip.Cli;

/// <summary>How many reports of each kind one night brings (DOMAIN.md "Volumes", London: about 12 s4A a night).</summary>
public sealed record NightMix(int S4A = 12, int S2A = 24, int Breach = 3, int Harassment = 5, int MaliciousCommunications = 4, double RepeatShare = 0.2)
{
    public int Total => S4A + S2A + Breach + Harassment + MaliciousCommunications;
}

/// <summary>
/// A seeded night of entirely synthetic crime reports in the police import format: the same seed
/// and night give the same reports, byte for byte. Names come from small fixed lists of
/// obviously made-up names, phones from 07700 900xxx (Ofcom's drama range), PNC ids 99/nnnnnnX,
/// addresses "NN Example Street". A share of suspects come from a fixed pool of repeat suspects
/// (same name, date of birth and PNC id every night), so the police service links them.
/// </summary>
public static class DemoNight
{
    private static readonly string[] FirstNames = ["Alex", "Sam", "Jo", "Robin", "Charlie", "Jamie", "Morgan", "Casey", "Drew", "Riley", "Quinn", "Avery"];
    private static readonly string[] Surnames = ["Example", "Sample", "Testperson", "Placeholder", "Fictional", "Madeup", "Synthetic", "Demo"];
    private static readonly string[] Relationships = ["ex-partner", "ex-partner", "ex-partner", "current-partner", "known-acquaintance", "stranger", "colleague-peer", "not-known"];
    public static readonly string[] Boroughs = [.. Enumerable.Range(1, 12).Select(i => $"Borough {i:00}")];
    private const int RepeatPool = 10;

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true));

    public static IReadOnlyList<CrimeReportRecord> Generate(int seed, DateOnly night, NightMix? mix = null)
    {
        mix ??= new NightMix();
        var random = new Random(seed);
        var offences = Enumerable.Repeat("s4A", mix.S4A)
            .Concat(Enumerable.Repeat("s2A", mix.S2A))
            .Concat(Enumerable.Repeat("breach", mix.Breach))
            .Concat(Enumerable.Repeat("harassment", mix.Harassment))
            .Concat(Enumerable.Repeat("malicious-communications", mix.MaliciousCommunications))
            .ToArray();
        random.Shuffle(offences);
        var reports = new List<CrimeReportRecord>(offences.Length);
        for (var i = 0; i < offences.Length; i++)
            reports.Add(Report(random, seed, night, i, offences[i], mix.RepeatShare));
        return reports;
    }

    public static string ToJsonLines(IEnumerable<CrimeReportRecord> reports) =>
        string.Concat(reports.Select(r => Formatter.Format(r) + "\n"));

    /// <summary>
    /// One s4A report per synthetic Griffin nominal (London keeps about 300): a distinct suspect
    /// each, "Nominal SS-NNN Example" with PNC id 99/8SSNNNG (SS: the seed's last two digits),
    /// reported on the given morning. Up to 999 nominals per seed.
    /// </summary>
    public static IReadOnlyList<CrimeReportRecord> NominalReports(int seed, DateOnly night, int count)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(n =>
        {
            var report = Report(random, seed, night, n, "s4A", repeatShare: 0);
            report.CrimeReference = $"DEMO-GRIF-{night:yyyyMMdd}-{seed}-{n + 1:000}";
            report.SuspectName = $"Nominal {seed % 100:00}-{n + 1:000} Example";
            report.SuspectDateOfBirth = Day(new DateOnly(1970, 1, 1).AddDays(n * 37 + seed % 100));
            report.SuspectPncId = $"99/8{seed % 100:00}{n + 1:000}G";
            report.Summary = "Synthetic: serial stalking of several former partners; threats and breaches of orders.";
            return report;
        })];
    }

    private static string Name(Random random) => $"{FirstNames[random.Next(FirstNames.Length)]} {Surnames[random.Next(Surnames.Length)]}";

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Repeat suspect n: the same person every night and for every seed.</summary>
    public static (string Name, string DateOfBirth, string Pnc) RepeatSuspect(int n) =>
        ($"{FirstNames[n % FirstNames.Length]} Repeat{n:00}", Day(new DateOnly(1975, 1, 1).AddDays(n * 397)), $"99/{900100 + n:000000}R");

    private static CrimeReportRecord Report(Random random, int seed, DateOnly night, int i, string offence, double repeatShare)
    {
        var record = new CrimeReportRecord
        {
            CrimeReference = $"DEMO-{night:yyyyMMdd}-{seed}-{i + 1:000}",
            ReportedOn = Day(night),
            OffenceDate = Day(night.AddDays(-random.Next(1, offence == "s2A" ? 150 : 60))),
            PrincipalClassification = offence,
            DomesticAbuse = random.NextDouble() < 0.82,
            OnlineElement = random.NextDouble() < 0.23 || offence == "malicious-communications",
            ChildrenInvolved = random.NextDouble() < 0.29,
            VictimName = Name(random),
            VictimPhone = $"07700 900{random.Next(1000):000}",
            VictimAddress = $"{random.Next(1, 200)} Example Street, {Boroughs[random.Next(Boroughs.Length)]}",
            Relationship = Relationships[random.Next(Relationships.Length)],
            OfficerInCase = $"pc-{random.Next(100, 1000)}",
            Borough = Boroughs[random.Next(Boroughs.Length)],
            Unit = random.NextDouble() < 0.7 ? "CID" : "Safeguarding",
        };
        record.VictimEmail = $"{record.VictimName.Replace(' ', '.').ToLowerInvariant()}@example.org";
        if (offence == "breach")
            record.IncludedClassifications.Add("s4A");
        var who = random.NextDouble();
        if (who < repeatShare)
        {
            var (name, dob, pnc) = RepeatSuspect(random.Next(RepeatPool));
            (record.SuspectName, record.SuspectDateOfBirth, record.SuspectPncId) = (name, dob, pnc);
        }
        else if (who < 0.92)
        {
            record.SuspectName = Name(random);
            record.SuspectDateOfBirth = Day(new DateOnly(1960, 1, 1).AddDays(random.Next(0, 15000)));
            record.SuspectPncId = random.NextDouble() < 0.5 ? $"99/{random.Next(100000, 900000):000000}{(char)('A' + random.Next(26))}" : "";
        }
        if (record.SuspectName.Length > 0)
            record.SuspectAddress = $"{random.Next(1, 200)} Example Street, {Boroughs[random.Next(Boroughs.Length)]}";
        record.Summary = offence switch
        {
            "s4A" => "Synthetic: repeated unwanted contact and following over several weeks; victim reports fear of violence.",
            "s2A" => "Synthetic: repeated unwanted messages and turning up at the victim's workplace.",
            "breach" => "Synthetic: contact with the victim in breach of a stalking protection order.",
            "harassment" => "Synthetic: repeated abusive calls to the victim after the end of a relationship.",
            _ => "Synthetic: threatening messages sent to the victim on social media.",
        };
        DemoStalkingRecord.Fill(record, seed, i, night);
        return record;
    }
}
