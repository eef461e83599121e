using Masip.Police.Cases;
using Masip.Police.Intake.ImportingCrimeReports;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.DataProtection;
using Xunit;

namespace Masip.Police.Tests.Cases;

/// <summary>
/// A corrected field (UK GDPR Art. 16) against the crime system's re-imports: kept while the crime
/// system sends the value it held when corrected; the crime system's value once it sends another
/// (the newest source wins); the import's event keeps the report as it came.
/// </summary>
public sealed class StacCaseTests_Rectification
{
    private static readonly Actor Dpo = new("dpo-1", "police", "auditor");

    private static StacCase Corrected(string field, string value, StacCase? current = null, int minutes = 0)
    {
        var state = current ?? Given.Case();
        var e = Rectification.Decide(CaseRectification.Record, state.Id, CaseRectification.ValueOf(state.Report, field), field, value,
            "Art. 16 request (synthetic)", Dpo, Given.Now.AddMinutes(minutes), 1 + minutes)!;
        return Given.Apply(state, [e]);
    }

    private static CrimeReportDetails Amended(CrimeReportDetails report) => report with { Summary = "Synthetic summary, amended" };

    [Fact]
    public void Given_a_corrected_phone_When_the_crime_system_amends_the_report_with_the_old_phone_Then_the_correction_stays_and_the_event_keeps_the_import()
    {
        var current = Corrected("victim.phone", "07700 900 111");

        var events = ImportCrimeReportDecision.Decide(current, Amended(Given.Report()), SuspectMatch.None, Given.Now.AddHours(1));

        var amended = Assert.IsType<CrimeReportAmended>(Assert.Single(events));
        Assert.Equal(["summary"], amended.ChangedFields);
        Assert.Equal("07700 900123", amended.Report.Victim.Phone);
        var after = Given.Apply(current, events);
        Assert.Equal(("07700 900 111", "Synthetic summary, amended"), (after.Report.Victim.Phone, after.Report.Summary));
        Assert.Equal(["victim.phone"], after.Corrections.Select(c => c.Field));
        // The case keeps a digest of the crime system's value, never the value itself.
        Assert.DoesNotContain(after.Corrections, c => c.ReportedDigest.Contains("07700", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_corrected_phone_When_the_same_report_comes_again_Then_nothing_changes() =>
        Assert.Empty(ImportCrimeReportDecision.Decide(Corrected("victim.phone", "07700 900 111"), Given.Report(), SuspectMatch.None, Given.Now));

    [Fact]
    public void Given_a_corrected_phone_When_the_crime_system_sends_a_newer_phone_Then_the_newest_source_wins_and_the_field_is_no_longer_corrected()
    {
        var current = Corrected("victim.phone", "07700 900 111");
        var newer = Given.Report() with { Victim = Given.Report().Victim with { Phone = "07700 900 999" } };

        var events = ImportCrimeReportDecision.Decide(current, newer, SuspectMatch.None, Given.Now.AddHours(1));

        Assert.Equal(["victim"], Assert.IsType<CrimeReportAmended>(Assert.Single(events)).ChangedFields);
        var after = Given.Apply(current, events);
        Assert.Equal("07700 900 999", after.Report.Victim.Phone);
        Assert.Empty(after.Corrections);
        // A later amendment carrying the same newer phone changes the phone no more.
        var again = Given.Apply(after, ImportCrimeReportDecision.Decide(after, Amended(newer), SuspectMatch.None, Given.Now.AddHours(2)));
        Assert.Equal("07700 900 999", again.Report.Victim.Phone);
    }

    [Fact]
    public void Given_a_corrected_name_When_the_crime_system_sends_the_corrected_name_Then_it_is_taken_and_the_field_is_no_longer_corrected()
    {
        var current = Corrected("victim.name", "Test Victim One");
        var fixedThere = Given.Report() with { Victim = Given.Report().Victim with { Name = "Test Victim One" } };

        var events = ImportCrimeReportDecision.Decide(current, fixedThere, SuspectMatch.None, Given.Now.AddHours(1));

        Assert.Empty(Assert.IsType<CrimeReportAmended>(Assert.Single(events)).ChangedFields);
        var after = Given.Apply(current, events);
        Assert.Equal("Test Victim One", after.Report.Victim.Name);
        Assert.Empty(after.Corrections);
    }

    [Fact]
    public void Given_a_field_corrected_twice_When_the_old_value_is_reimported_Then_the_latest_correction_stays()
    {
        var twice = Corrected("suspect.dateOfBirth", "1986-03-14", Corrected("suspect.dateOfBirth", "1985-04-14"), minutes: 5);
        var suspectRenamed = Corrected("suspect.name", "Test Suspect One", twice, minutes: 6);

        var after = Given.Apply(suspectRenamed,
            ImportCrimeReportDecision.Decide(suspectRenamed, Amended(Given.Report()), SuspectMatch.None, Given.Now.AddHours(1)));

        Assert.Equal(("Test Suspect One", new DateOnly(1986, 3, 14), "99/123456X"),
            (after.Report.Suspect!.Name, after.Report.Suspect.DateOfBirth, after.Report.Suspect.PncId));
        Assert.Equal(["suspect.dateOfBirth", "suspect.name"], after.Corrections.Select(c => c.Field).Order());
    }
}
