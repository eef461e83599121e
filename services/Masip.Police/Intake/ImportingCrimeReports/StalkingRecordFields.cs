using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Intake.ImportingCrimeReports;

/// <summary>
/// The stalking record's fields of one crime-system line, validated (lengths and counts were
/// already checked against the .proto bounds; here the values). A line without any of them has no
/// stalking record: crime systems that do not send them yet import exactly as before.
/// </summary>
public static class StalkingRecordFields
{
    public static StalkingRecord? Validate(CrimeReportRecord r)
    {
        if (IsAbsent(r))
            return null;
        DateOnly? madeOn = string.IsNullOrWhiteSpace(r.VictimPersonalStatementMadeOn)
            ? null : Require.Date(r.VictimPersonalStatementMadeOn, "victim_personal_statement_made_on");
        var statement = Require.OptionalText(r.VictimPersonalStatement, "victim_personal_statement", 8000);
        if (statement is null && madeOn is not null)
            throw new InvalidFieldException("victim_personal_statement", "is required when victim_personal_statement_made_on is given");
        if (r.Incidents < 0)
            throw new InvalidFieldException("incidents", "must not be negative");

        return new StalkingRecord(
            [.. r.Behaviours.Select(b => Require.OneOf(b, "behaviours", StalkingRecords.Behaviours)).Distinct().Order(StringComparer.Ordinal)],
            StalkingRecords.Optional(r.Location, "location", StalkingRecords.Locations),
            StalkingRecords.Optional(r.Duration, "duration", StalkingRecords.Durations),
            StalkingRecords.Optional(r.EscalationVictim, "escalation_victim", StalkingRecords.Escalations),
            StalkingRecords.Optional(r.EscalationOfficer, "escalation_officer", StalkingRecords.Escalations),
            r.Ongoing,
            [.. r.LinkedReports.Select(l => Require.Text(l, "linked_reports", 64).ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal)],
            r.SharedChildren,
            new VictimProfile(
                StalkingRecords.Optional(r.VictimSex, "victim_sex", StalkingRecords.Sexes),
                StalkingRecords.Optional(r.VictimAgeBand, "victim_age_band", StalkingRecords.AgeBands),
                Require.OptionalText(r.VictimEthnicity, "victim_ethnicity", 100),
                [.. r.VictimVulnerabilities.Select(v => Require.Text(v, "victim_vulnerabilities", 100)).Distinct()],
                r.RepeatVictim),
            Require.OptionalText(r.Impact, "impact", 4000),
            statement is null ? null : new StatementText(statement, madeOn),
            r.Incidents,
            r.FearOfViolence,
            r.SeriousAlarmOrDistress);
    }

    private static bool IsAbsent(CrimeReportRecord r) =>
        r.Behaviours.Count == 0 && string.IsNullOrWhiteSpace(r.Location) && string.IsNullOrWhiteSpace(r.Duration)
        && string.IsNullOrWhiteSpace(r.EscalationVictim) && string.IsNullOrWhiteSpace(r.EscalationOfficer) && !r.Ongoing
        && r.LinkedReports.Count == 0 && !r.SharedChildren && string.IsNullOrWhiteSpace(r.VictimSex)
        && string.IsNullOrWhiteSpace(r.VictimAgeBand) && string.IsNullOrWhiteSpace(r.VictimEthnicity) && r.VictimVulnerabilities.Count == 0
        && !r.RepeatVictim && string.IsNullOrWhiteSpace(r.Impact) && string.IsNullOrWhiteSpace(r.VictimPersonalStatement)
        && string.IsNullOrWhiteSpace(r.VictimPersonalStatementMadeOn) && r.Incidents == 0 && !r.FearOfViolence && !r.SeriousAlarmOrDistress;
}
