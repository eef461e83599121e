using Masip.Contracts.Nhs;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Liaison.RecordingCustodyContacts;

public sealed record RecordCustodyContact(
    Guid ContactId, Guid PerpetratorId, Guid? ReferralId, DateOnly Date, string CustodySuite, string Outcome, string Clinician);

public static class RecordCustodyContactDecision
{
    public static readonly IReadOnlyDictionary<string, string> Outcomes =
        new[] { "diverted", "mental-health-assessment-advised", "no-action" }.ToDictionary(o => o);

    public static RecordCustodyContact Validate(RecordCustodyContactRequest request) => new(
        Require.Id(request.ContactId, "contact_id"),
        Require.Id(request.PerpetratorId, "perpetrator_id"),
        string.IsNullOrWhiteSpace(request.ReferralId) ? null : Require.Id(request.ReferralId, "referral_id"),
        Require.Date(request.Date, "date"),
        Require.Text(request.CustodySuite, "custody_suite", 200),
        Require.OneOf(request.Outcome, "outcome", Outcomes),
        Require.Text(request.Clinician, "clinician", 100));

    /// <summary>A contact in custody is not in the future. Idempotent by contact id.</summary>
    public static IReadOnlyList<object> Decide(CustodyContact? current, RecordCustodyContact command, DateTimeOffset now)
    {
        if (current is not null)
            return current with { RecordedAt = default } == new CustodyContact(command.ContactId, command.PerpetratorId,
                    command.ReferralId, command.Date, command.CustodySuite, command.Outcome, command.Clinician, default)
                ? []
                : throw new DuplicateRecordException("contact_id", "a different custody contact already has this id");
        if (command.Date > DateOnly.FromDateTime(now.UtcDateTime))
            throw new InvalidFieldException("date", "is in the future");
        return [new CustodyContactRecorded(command.ContactId, command.PerpetratorId, command.ReferralId, command.Date,
            command.CustodySuite, command.Outcome, command.Clinician, now)];
    }
}
