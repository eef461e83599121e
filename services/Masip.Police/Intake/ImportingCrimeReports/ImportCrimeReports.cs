using System.Text.Json;
using System.Text.Json.Nodes;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Intake.ImportingCrimeReports;

/// <summary>What a suspect already means to STAC when a report naming them arrives.</summary>
public sealed record SuspectMatch(Guid? PerpetratorId, IReadOnlyList<string> KnownReasons)
{
    public static readonly SuspectMatch None = new(null, []);
}

public enum ImportOutcome { New, Amended, Unchanged }

public static class ImportCrimeReportDecision
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Idempotent by crime reference: the same record again decides nothing; a changed record is
    /// an amendment naming the fields that changed (a reclassification keeps its history).
    /// </summary>
    public static IReadOnlyList<object> Decide(StacCase? current, CrimeReportDetails report, SuspectMatch suspect, DateTimeOffset now)
    {
        if (report.OffenceDate > DateOnly.FromDateTime(now.UtcDateTime))
            throw new InvalidFieldException("offence_date", "must not be in the future");
        var fingerprint = Fingerprint(report);
        if (current is null)
            return [new CrimeReportImported(StacCase.IdFor(report.CrimeReference), report, fingerprint,
                suspect.PerpetratorId, suspect.KnownReasons, now)];
        if (current.Fingerprint == fingerprint)
            return [];
        // A field the DPO corrected is not changed by the crime system sending its old value again (StacCase.Reconcile).
        return [new CrimeReportAmended(current.Id, report, fingerprint, ChangedFields(current.Report, current.Reconcile(report).Report), now)];
    }

    public static ImportOutcome OutcomeOf(IReadOnlyList<object> events) => events switch
    {
        [] => ImportOutcome.Unchanged,
        [CrimeReportImported, ..] => ImportOutcome.New,
        _ => ImportOutcome.Amended,
    };

    public static string Fingerprint(CrimeReportDetails report) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(report, Json)));

    private static IReadOnlyList<string> ChangedFields(CrimeReportDetails before, CrimeReportDetails after)
    {
        var a = JsonSerializer.SerializeToNode(before, Json)!.AsObject();
        var b = JsonSerializer.SerializeToNode(after, Json)!.AsObject();
        var stalking = nameof(CrimeReportDetails.Stalking).ToLowerInvariant();
        var changed = Changed(a, b).Where(key => key != stalking).ToList();
        // The stalking record's fields are named one by one: its history keeps what each amendment changed.
        var emptyStalking = JsonSerializer.SerializeToNode(StalkingRecord.Empty, Json)!.AsObject();
        if (!JsonNode.DeepEquals(a[stalking], b[stalking]))
            changed.AddRange(Changed(a[stalking]?.AsObject() ?? emptyStalking, b[stalking]?.AsObject() ?? emptyStalking)
                .Select(key => StalkingRecords.FieldPrefix + key));
        return changed;
    }

    private static IEnumerable<string> Changed(JsonObject a, JsonObject b) =>
        a.Select(p => p.Key).Union(b.Select(p => p.Key)).Where(key => !JsonNode.DeepEquals(a[key], b[key]));

    /// <summary>A record from the crime system, validated; each failure names the field as the .proto spells it.</summary>
    public static CrimeReportDetails Validate(CrimeReportRecord record, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var reference = Require.Text(record.CrimeReference, "crime_reference", 64);
        var reportedOn = Require.Date(record.ReportedOn, "reported_on");
        if (reportedOn > today)
            throw new InvalidFieldException("reported_on", "must not be in the future");
        var offenceDate = Require.Date(record.OffenceDate, "offence_date");
        if (offenceDate > today)
            throw new InvalidFieldException("offence_date", "must not be in the future");
        if (offenceDate > reportedOn)
            throw new InvalidFieldException("offence_date", "must not be after reported_on");
        var principal = Require.OneOf(record.PrincipalClassification, "principal_classification", Offences.ByWireName);
        var included = record.IncludedClassifications
            .Select(c => Require.OneOf(c, "included_classifications", Offences.ByWireName))
            .Where(c => c != principal).Distinct().Order().ToList();

        Suspect? suspect = null;
        if (Require.OptionalText(record.SuspectName, "suspect_name", 200) is { } suspectName)
        {
            DateOnly? dob = string.IsNullOrWhiteSpace(record.SuspectDateOfBirth) ? null : Require.Date(record.SuspectDateOfBirth, "suspect_date_of_birth");
            if (dob > today)
                throw new InvalidFieldException("suspect_date_of_birth", "must not be in the future");
            suspect = new Suspect(suspectName, dob, Require.OptionalText(record.SuspectPncId, "suspect_pnc_id", 20),
                Require.OptionalText(record.SuspectAddress, "suspect_address", 400));
        }
        else if (!string.IsNullOrWhiteSpace(record.SuspectPncId) || !string.IsNullOrWhiteSpace(record.SuspectDateOfBirth))
        {
            throw new InvalidFieldException("suspect_name", "is required when a suspect date of birth or PNC id is given");
        }

        var victim = new Victim(
            Require.Text(record.VictimName, "victim_name", 200),
            Require.OptionalText(record.VictimPhone, "victim_phone", 40),
            Require.OptionalText(record.VictimEmail, "victim_email", 254),
            Require.OptionalText(record.VictimAddress, "victim_address", 400),
            string.IsNullOrWhiteSpace(record.VictimDateOfBirth) ? null : Require.Date(record.VictimDateOfBirth, "victim_date_of_birth"));

        return new CrimeReportDetails(
            reference, reportedOn, offenceDate, principal, included,
            new CaseFlags(record.DomesticAbuse, record.OnlineElement, record.ChildrenInvolved, record.PolicePerpetrated),
            suspect, victim,
            Require.OneOf(record.Relationship, "relationship", Relationships.Allowed),
            Require.Text(record.Summary, "summary", 8000),
            Require.Text(record.OfficerInCase, "officer_in_case", 100),
            Require.Text(record.Borough, "borough", 100),
            Require.OptionalText(record.Unit, "unit", 100),
            StalkingRecordFields.Validate(record));
    }
}
