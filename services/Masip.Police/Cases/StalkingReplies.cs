using Masip.Contracts.Police;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Cases;

/// <summary>Maps the stalking record, its history, the statements and the closure to the case reply.</summary>
public static class StalkingReplies
{
    public static void Fill(CaseReply reply, StacCase c)
    {
        if (c.Report.Stalking is not null || c.Review?.EscalationOfficer is not null)
            reply.Stalking = ToView(c.Stalking, c.Review?.EscalationOfficer);
        reply.StalkingHistory.AddRange(c.StalkingHistory.Select(v =>
        {
            var version = new Contracts.Police.StalkingRecordVersion
            {
                Version = v.Version, RecordedAt = Formats.Instant(v.RecordedAt), ReplacedAt = Formats.Instant(v.ReplacedAt), Record = ToView(v.Record, null),
            };
            version.ChangedFields.AddRange(v.ChangedFields);
            return version;
        }));
        reply.VictimPersonalStatements.AddRange(c.Statements.Select(s => new Contracts.Police.StatementVersion
        {
            Version = s.Version,
            MadeOn = s.Statement.MadeOn is { } made ? Formats.Date(made) : "",
            RecordedAt = Formats.Instant(s.RecordedAt),
            Text = s.Statement.Text,
        }));
        reply.S4AProposed = c.S4aProposed;
        reply.VictimDateOfBirth = c.Report.Victim.DateOfBirth is { } dob ? Formats.Date(dob) : "";
        reply.Persons = new PersonRolesView
        {
            VictimPersonId = Persons.PersonKeys.IdFor(c.VictimPersonKey)?.ToString() ?? "",
            SuspectPersonId = Persons.PersonKeys.IdFor(c.SuspectPersonKey)?.ToString() ?? "",
            VictimIsSuspectElsewhere = c.OtherRoles.Any(o => o.Role == Persons.PersonKeys.Victim),
            SuspectIsVictimElsewhere = c.OtherRoles.Any(o => o.Role == Persons.PersonKeys.Suspect),
        };
        reply.Persons.OtherRoles.AddRange(c.OtherRoles.Select(o => new OtherRoleReport
        {
            PersonId = o.PersonId.ToString(), RoleHere = o.Role, OtherCaseId = o.OtherCaseId.ToString(), OtherCrimeReference = o.OtherCrimeReference,
        }));
        if (c.Restriction is { } restriction)
        {
            reply.Restriction = new RestrictionView
            {
                RestrictedBy = restriction.RestrictedBy, Reason = restriction.Reason, RestrictedAt = Formats.Instant(restriction.RestrictedAt),
            };
            reply.Restriction.AccessList.AddRange(restriction.AccessList);
        }
        if (c.ContactPreferences is { } contact)
        {
            reply.ContactPreferences = new ContactPreferencesView
            {
                SafeTimes = contact.SafeTimes ?? "",
                NoWithheldNumbers = contact.NoWithheldNumbers,
                InterpreterNeeded = contact.InterpreterNeeded,
                Language = contact.Language ?? "",
                PreferredName = contact.PreferredName ?? "",
                ContactOwnerRole = contact.ContactOwnerRole,
                ContactOwner = contact.ContactOwner,
                RecordedBy = contact.RecordedBy,
                RecordedAt = Formats.Instant(contact.RecordedAt),
            };
            reply.ContactPreferences.SafeNumbers.AddRange(contact.SafeNumbers);
        }
        if (c.Closure is { } closure)
            reply.Closure = new CaseOutcomeView
            {
                Outcome = closure.Outcome,
                HomeOfficeOutcome = closure.HomeOfficeOutcome ?? "",
                NfaReason = closure.NfaReason ?? "",
                WithdrawalReason = closure.WithdrawalReason ?? "",
                ClosedBy = closure.ClosedBy,
                ClosedAt = Formats.Instant(closure.ClosedAt),
            };
    }

    /// <summary>The officer's view of escalation: the reviewer's when a review recorded one, else the crime system's.</summary>
    private static StalkingRecordView ToView(StalkingRecord r, string? reviewedEscalation)
    {
        var view = new StalkingRecordView
        {
            Location = r.Location ?? "",
            Duration = r.Duration ?? "",
            EscalationVictim = r.EscalationVictim ?? "",
            EscalationOfficer = reviewedEscalation ?? r.EscalationOfficer ?? "",
            EscalationOfficerSource = reviewedEscalation is not null ? "review" : r.EscalationOfficer is not null ? "crime-system" : "",
            Ongoing = r.Ongoing,
            SharedChildren = r.SharedChildren,
            VictimSex = r.Victim.Sex ?? "",
            VictimAgeBand = r.Victim.AgeBand ?? "",
            VictimEthnicity = r.Victim.Ethnicity ?? "",
            RepeatVictim = r.Victim.RepeatVictim,
            Impact = r.Impact ?? "",
            Incidents = r.Incidents,
            FearOfViolence = r.FearOfViolence,
            SeriousAlarmOrDistress = r.SeriousAlarmOrDistress,
        };
        view.Behaviours.AddRange(r.Behaviours);
        view.LinkedReports.AddRange(r.LinkedReports);
        view.VictimVulnerabilities.AddRange(r.Victim.Vulnerabilities);
        return view;
    }
}
