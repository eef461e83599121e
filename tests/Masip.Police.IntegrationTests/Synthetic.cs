using Masip.Contracts.Police;

namespace Masip.Police.IntegrationTests;

/// <summary>Synthetic crime reports (made-up people, 07700 900xxx numbers, 99/xxxxxxX PNC ids).</summary>
internal static class Synthetic
{
    public static string Reference(string prefix = "CRIS") => $"{prefix}-{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}";

    public static string DaysAgo(int days) => DateTime.UtcNow.Date.AddDays(-days).ToString("yyyy-MM-dd");

    public static CrimeReportRecord Report(string? reference = null, string offence = "s4A", string? pnc = null,
        string? suspect = null, string borough = "Borough A", int offenceDaysAgo = 20) => new()
    {
        CrimeReference = reference ?? Reference(),
        ReportedOn = DaysAgo(1),
        OffenceDate = DaysAgo(offenceDaysAgo),
        PrincipalClassification = offence,
        IncludedClassifications = { "harassment" },
        DomesticAbuse = true,
        OnlineElement = false,
        SuspectName = suspect ?? "Test Suspect " + Guid.NewGuid().ToString("N")[..8],
        SuspectDateOfBirth = "1985-03-14",
        SuspectPncId = pnc ?? "",
        SuspectAddress = "1 Test Street",
        VictimName = "Test Victim " + Random.Shared.Next(100, 999),
        VictimPhone = "07700 900" + Random.Shared.Next(100, 999),
        VictimAddress = "2 Test Road",
        Relationship = "ex-partner",
        Summary = "Synthetic summary: repeated unwanted messages.",
        OfficerInCase = "officer-101",
        Borough = borough,
        Unit = "CID",
    };

    public static string UniquePnc() => $"99/{Random.Shared.Next(100000, 999999)}{(char)('A' + Random.Shared.Next(26))}";
}
