using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Intake.ImportingCrimeReports;
using Masip.Police.Reviews.Closing;
using Masip.Police.Reviews.ReviewingReports;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Police.Tests.Cases;

public sealed class StacCaseTests_StalkingRecord
{
    private static CrimeReportRecord Record(string offence = "s2A")
    {
        var record = new CrimeReportRecord
        {
            CrimeReference = "CRIS-0017", ReportedOn = "2026-11-24", OffenceDate = "2026-10-01", PrincipalClassification = offence,
            VictimName = "Test Victim 17", Relationship = "ex-partner", Summary = "Synthetic", OfficerInCase = "officer-1", Borough = "B",
            Location = "home", Duration = "3-to-6-months", EscalationVictim = "escalating", EscalationOfficer = "stable", Ongoing = true,
            SharedChildren = true, VictimSex = "female", VictimAgeBand = "25-34", VictimEthnicity = "declined", RepeatVictim = true,
            Impact = "Synthetic: moved house", VictimPersonalStatement = "Synthetic statement, first version", VictimPersonalStatementMadeOn = "2026-11-20",
            Incidents = 3, FearOfViolence = true, SeriousAlarmOrDistress = false,
        };
        record.Behaviours.Add(["surveillance", "phone-text", "phone-text"]);
        record.LinkedReports.Add("cris-0016");
        record.VictimVulnerabilities.Add("mental health");
        return record;
    }

    private static StacCase Imported(CrimeReportRecord record)
    {
        var report = ImportCrimeReportDecision.Validate(record, Given.Now);
        return StacCase.Create((CrimeReportImported)ImportCrimeReportDecision.Decide(null, report, SuspectMatch.None, Given.Now)[0]);
    }

    [Fact]
    public void A_line_with_every_field_becomes_the_stalking_record()
    {
        var stalking = ImportCrimeReportDecision.Validate(Record(), Given.Now).Stalking!;

        Assert.Equal(["phone-text", "surveillance"], stalking.Behaviours);
        Assert.Equal(("home", "3-to-6-months", "escalating", "stable"), (stalking.Location, stalking.Duration, stalking.EscalationVictim, stalking.EscalationOfficer));
        Assert.Equal(["CRIS-0016"], stalking.LinkedReports);
        Assert.Equal(new VictimProfile("female", "25-34", "declined", stalking.Victim.Vulnerabilities, true), stalking.Victim);
        Assert.Equal(["mental health"], stalking.Victim.Vulnerabilities);
        Assert.Equal(new StatementText("Synthetic statement, first version", new DateOnly(2026, 11, 20)), stalking.VictimPersonalStatement);
        Assert.True(stalking.SupportsS4A);
    }

    [Fact]
    public void A_line_without_any_of_the_fields_has_no_stalking_record_and_keeps_its_fingerprint()
    {
        var record = new CrimeReportRecord
        {
            CrimeReference = "CRIS-0018", ReportedOn = "2026-11-24", OffenceDate = "2026-10-01", PrincipalClassification = "s4A",
            VictimName = "Test Victim 18", Relationship = "stranger", Summary = "Synthetic", OfficerInCase = "officer-1", Borough = "B",
        };

        var report = ImportCrimeReportDecision.Validate(record, Given.Now);

        Assert.Null(report.Stalking);
        Assert.DoesNotContain("stalking", System.Text.Json.JsonSerializer.Serialize(report), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("behaviours", "stared")]
    [InlineData("location", "moon")]
    [InlineData("duration", "forever")]
    [InlineData("escalation_victim", "worse")]
    [InlineData("victim_sex", "x")]
    [InlineData("victim_age_band", "40")]
    public void A_value_outside_its_list_is_refused_naming_the_field(string field, string value)
    {
        var record = Record();
        var descriptor = CrimeReportRecord.Descriptor.FindFieldByName(field);
        if (descriptor.IsRepeated)
            ((Google.Protobuf.Collections.RepeatedField<string>)descriptor.Accessor.GetValue(record)).Add(value);
        else
            descriptor.Accessor.SetValue(record, value);

        Assert.Equal(field, Assert.Throws<InvalidFieldException>(() => ImportCrimeReportDecision.Validate(record, Given.Now)).Field);
    }

    [Fact]
    public void An_amendment_keeps_the_earlier_record_and_the_earlier_statement_as_versions()
    {
        var current = Imported(Record());
        var amended = Record();
        amended.Behaviours.Add("threats-of-harm");
        amended.EscalationOfficer = "escalating";
        amended.VictimPersonalStatement = "Synthetic statement, second version";
        var report = ImportCrimeReportDecision.Validate(amended, Given.Now);

        var events = ImportCrimeReportDecision.Decide(current, report, SuspectMatch.None, Given.Now.AddDays(1));
        var after = Given.Apply(current, events);

        var version = Assert.Single(after.StalkingHistory);
        Assert.Equal(["behaviours", "escalationOfficer", "victimPersonalStatement"], version.ChangedFields.Order());
        Assert.Equal(["phone-text", "surveillance"], version.Record.Behaviours);
        Assert.Equal("stable", version.Record.EscalationOfficer);
        Assert.Equal((Given.Now, Given.Now.AddDays(1)), (version.RecordedAt, version.ReplacedAt));
        Assert.Equal(["phone-text", "surveillance", "threats-of-harm"], after.Stalking.Behaviours);
        Assert.Equal(["Synthetic statement, first version", "Synthetic statement, second version"], after.Statements.Select(s => s.Statement.Text));
        Assert.Equal([1, 2], after.Statements.Select(s => s.Version));
    }

    [Fact]
    public void An_s2A_report_with_three_incidents_and_fear_of_violence_proposes_s4A_and_its_review_needs_a_justification()
    {
        var current = Imported(Record("s2A"));
        var review = new ReviewReport(current.Id, new FourAnswers(true, true, true, true), "medium", "Synthetic", null, 1, "advice", false);

        var error = Assert.Throws<InvalidFieldException>(() => ReviewReportDecision.Decide(current, review, Given.Officer, Given.Now));
        var events = ReviewReportDecision.Decide(current, review with { S2aJustification = "CPS advice: s2A", EscalationOfficer = "escalating" },
            Given.Officer, Given.Now);

        Assert.True(current.S4aProposed);
        Assert.Equal("s2a_justification", error.Field);
        var after = Given.Apply(current, events);
        Assert.Equal(("CPS advice: s2A", "escalating"), (after.Review!.S2aJustification, after.Review.EscalationOfficer));
        Assert.False(Imported(Record("s4A")).S4aProposed);
        var single = Record("s2A");
        single.Incidents = 1;
        Assert.False(Imported(single).S4aProposed);
    }

    [Fact]
    public void A_closure_carries_the_Home_Office_outcome_code_and_the_reasons()
    {
        var considered = Given.Apply(Imported(Record()), [new SpoConsidered(Guid.Empty, null, false, "no", "stac-1", Given.Now)]);

        var events = CloseCaseDecision.Decide(considered,
            new CloseCase(considered.Id, "nfa", "victim withdrew", "16", "victim-not-cooperating", "fear-of-reprisal"), Given.Officer, Given.Now);

        Assert.Equal(new CaseClosure("nfa", "16", "victim-not-cooperating", "fear-of-reprisal", "stac-1", Given.Now), Given.Apply(considered, events).Closure);
        Assert.Equal("withdrawal_reason", Assert.Throws<InvalidFieldException>(() => CloseCaseDecision.Decide(considered,
            new CloseCase(considered.Id, "nfa", "victim withdrew", "16", "victim-not-cooperating"), Given.Officer, Given.Now)).Field);
        Assert.Equal("home_office_outcome", Assert.Throws<InvalidFieldException>(() => CloseCaseDecision.Decide(considered,
            new CloseCase(considered.Id, "charge", "charged", "15"), Given.Officer, Given.Now)).Field);
        Assert.Equal("nfa_reason", Assert.Throws<InvalidFieldException>(() => CloseCaseDecision.Decide(considered,
            new CloseCase(considered.Id, "charge", "charged", "1", "lack-of-evidence"), Given.Officer, Given.Now)).Field);
    }
}
