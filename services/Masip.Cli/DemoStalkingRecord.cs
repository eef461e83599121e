using System.Globalization;
using Masip.Contracts.Police;

namespace Masip.Cli;

/// <summary>
/// The stalking record's fields of a demo report, at the rates of the coded cases (DOMAIN.md
/// "Fields a stalking record carries"): 2.4 behaviours on average, linked reports 38%, shared
/// children 29%, repeat victims 37%, victims 80% female. Drawn from a generator of their own (seed
/// and report number), so the night's other fields stay what they were.
/// </summary>
internal static class DemoStalkingRecord
{
    private static readonly (string Behaviour, double Share)[] Behaviours =
    [
        ("phone-text", 0.66), ("surveillance", 0.38), ("face-to-face", 0.34), ("third-party", 0.24), ("online-cyber", 0.23),
        ("threats-of-harm", 0.16), ("threats-of-self-harm", 0.10), ("love-bombing", 0.10), ("property-damage", 0.09), ("forced-entry", 0.07),
        ("property-threats", 0.03), ("weapons", 0.02), ("assault", 0.02),
    ];

    private static readonly string[] Locations = ["home", "work-school", "public", "online-only"];
    private static readonly string[] Durations = ["under-2-weeks", "2-weeks-to-3-months", "3-to-6-months", "6-to-12-months", "1-to-2-years", "2-to-5-years"];
    private static readonly string[] Escalations = ["escalating", "stable", "de-escalating", "not-known"];
    private static readonly string[] AgeBands = ["18-24", "25-34", "35-44", "45-54", "55-64", "65-plus"];
    private static readonly string[] Ethnicities = ["White British", "Black British", "British Asian", "Mixed", "Other White", "declined"];

    public static void Fill(CrimeReportRecord record, int seed, int number, DateOnly night)
    {
        var random = new Random(unchecked(seed * 7919 + number * 31 + 17));
        record.Behaviours.Add(Behaviours.Where(b => random.NextDouble() < b.Share).Select(b => b.Behaviour).DefaultIfEmpty("phone-text"));
        record.Location = record.OnlineElement && random.NextDouble() < 0.5 ? "online-only" : Locations[random.Next(3)];
        record.Duration = Durations[random.Next(Durations.Length)];
        record.EscalationVictim = Escalations[random.Next(Escalations.Length)];
        // The victim and the officer disagreed in 53 coded cases: about one in three here.
        record.EscalationOfficer = random.NextDouble() < 0.35 ? Escalations[random.Next(Escalations.Length)] : record.EscalationVictim;
        record.Ongoing = random.NextDouble() < 0.6;
        if (random.NextDouble() < 0.38)
            record.LinkedReports.Add($"DEMO-LINK-{random.Next(100000, 999999)}");
        record.SharedChildren = record.ChildrenInvolved && random.NextDouble() < 0.9;
        record.VictimSex = random.NextDouble() < 0.8 ? "female" : "male";
        record.VictimAgeBand = AgeBands[random.Next(AgeBands.Length)];
        record.VictimEthnicity = Ethnicities[random.Next(Ethnicities.Length)];
        if (random.NextDouble() < 0.15)
            record.VictimVulnerabilities.Add("mental health");
        record.RepeatVictim = random.NextDouble() < 0.37;
        record.Impact = "Synthetic: changed routines, anxiety, time off work.";
        if (random.NextDouble() < 0.5)
        {
            record.VictimPersonalStatement = "Synthetic victim personal statement.";
            record.VictimPersonalStatementMadeOn = night.AddDays(-random.Next(0, 5)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        record.Incidents = random.Next(1, 12);
        var s4a = record.PrincipalClassification == "s4A";
        record.FearOfViolence = s4a ? random.NextDouble() < 0.6 : random.NextDouble() < 0.15;
        record.SeriousAlarmOrDistress = s4a ? !record.FearOfViolence || random.NextDouble() < 0.4 : random.NextDouble() < 0.15;
    }
}
