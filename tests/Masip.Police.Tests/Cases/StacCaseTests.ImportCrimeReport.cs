using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Intake.ImportingCrimeReports;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Police.Tests.Cases;

public sealed class StacCaseTests_ImportCrimeReport
{
    private static readonly SuspectMatch Known = new(Guid.Parse("0b7f0a52-6f3e-4d0a-9a8b-7d9b3c1e2f40"), ["repeat-perpetrator"]);

    [Fact]
    public void Given_no_case_When_a_report_is_imported_Then_it_is_imported_now_under_the_id_of_its_crime_reference()
    {
        var events = ImportCrimeReportDecision.Decide(null, Given.Report(), Known, Given.Now);

        var imported = Assert.IsType<CrimeReportImported>(Assert.Single(events));
        Assert.Equal(StacCase.IdFor("CRIS-0001"), imported.CaseId);
        Assert.Equal(StacCase.IdFor(" cris-0001 "), imported.CaseId);
        Assert.Equal(["repeat-perpetrator"], imported.SuspectKnownReasons);
        Assert.Equal(Given.Now, imported.ImportedAt);
    }

    [Fact]
    public void Given_the_same_report_When_imported_again_Then_nothing_changes()
    {
        var current = Given.Case();

        Assert.Empty(ImportCrimeReportDecision.Decide(current, Given.Report(), SuspectMatch.None, Given.Now));
    }

    [Fact]
    public void Given_a_report_When_a_reclassified_version_arrives_Then_it_is_an_amendment_and_the_history_keeps_both()
    {
        var current = Given.Case();

        var events = ImportCrimeReportDecision.Decide(current, Given.Report(offence: Offence.S2A), SuspectMatch.None, Given.Now);

        var amended = Assert.IsType<CrimeReportAmended>(Assert.Single(events));
        Assert.Equal(["principal"], amended.ChangedFields);
        var after = Given.Apply(current, events);
        Assert.Equal([Offence.S4A, Offence.S2A], after.Classifications.Select(c => c.Principal));
        Assert.Equal(1, after.Amendments);
    }

    [Fact]
    public void Given_no_case_When_the_offence_date_is_in_the_future_Then_it_is_refused_naming_the_field()
    {
        var error = Assert.Throws<InvalidFieldException>(() =>
            ImportCrimeReportDecision.Decide(null, Given.Report(offenceDate: Given.Today.AddDays(1)), SuspectMatch.None, Given.Now));

        Assert.Equal("offence_date", error.Field);
    }

    [Theory]
    [InlineData("relationship", "")]
    [InlineData("relationship", "neighbour")]
    [InlineData("principal_classification", "burglary")]
    [InlineData("reported_on", "25/11/2026")]
    [InlineData("victim_name", "")]
    [InlineData("crime_reference", "")]
    public void A_record_with_a_bad_field_is_refused_naming_it(string field, string value)
    {
        var record = new CrimeReportRecord
        {
            CrimeReference = "CRIS-0002", ReportedOn = "2026-11-24", OffenceDate = "2026-11-01", PrincipalClassification = "s2A",
            VictimName = "Test Victim 2", Relationship = "stranger", Summary = "Synthetic", OfficerInCase = "officer-1", Borough = "B",
        };
        CrimeReportRecord.Descriptor.FindFieldByName(field).Accessor.SetValue(record, value);

        var error = Assert.Throws<InvalidFieldException>(() => ImportCrimeReportDecision.Validate(record, Given.Now));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void A_valid_record_becomes_a_report_with_not_known_relationship_accepted()
    {
        var record = new CrimeReportRecord
        {
            CrimeReference = "CRIS-0003", ReportedOn = "2026-11-24", OffenceDate = "2026-11-01", PrincipalClassification = "S4A",
            IncludedClassifications = { "s4A", "malicious-communications" }, VictimName = "Test Victim 3", Relationship = "not-known",
            Summary = "Synthetic", OfficerInCase = "officer-1", Borough = "B",
        };

        var report = ImportCrimeReportDecision.Validate(record, Given.Now);

        Assert.Equal(Offence.S4A, report.Principal);
        Assert.Equal([Offence.MaliciousCommunications], report.Included);
        Assert.Null(report.Suspect);
        Assert.Equal("not-known", report.Relationship);
    }
}
