using Masip.Police.Cases;
using Masip.ServiceDefaults.Commands;

namespace Masip.Police.Tests.Cases;

/// <summary>Synthetic reports and cases built from events, for Given/When/Then.</summary>
internal static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 7, 30, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>Who acts: the caller's token (a STAC officer, the meeting chair).</summary>
    public static readonly Actor Officer = new("stac-1", "police", "stac-officer");
    public static readonly Actor Chair = new("chair-1", "police", "meeting-chair");

    public static CrimeReportDetails Report(string reference = "CRIS-0001", Offence offence = Offence.S4A, DateOnly? offenceDate = null,
        Suspect? suspect = null) => new(
        reference, Today.AddDays(-1), offenceDate ?? Today.AddDays(-20), offence, [Offence.Harassment],
        new CaseFlags(true, false, false, false),
        suspect ?? new Suspect("Test Suspect 1", new DateOnly(1985, 3, 14), "99/123456X", "1 Test Street"),
        new Victim("Test Victim 1", "07700 900123", null, "2 Test Road"),
        "ex-partner", "Synthetic summary", "officer-101", "Borough A", "CID");

    public static StacCase Case(CrimeReportDetails? report = null, params object[] events)
    {
        var r = report ?? Report();
        var imported = new CrimeReportImported(StacCase.IdFor(r.CrimeReference), r,
            Intake.ImportingCrimeReports.ImportCrimeReportDecision.Fingerprint(r), Guid.Parse("0b7f0a52-6f3e-4d0a-9a8b-7d9b3c1e2f40"), [], Now.AddDays(-1));
        return Apply(StacCase.Create(imported), events);
    }

    public static StacCase Apply(StacCase state, IEnumerable<object> events) =>
        events.Aggregate(state, (s, e) => (StacCase)typeof(StacCase).GetMethod("Apply", [e.GetType()])!.Invoke(s, [e])!);
}
