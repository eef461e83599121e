using Masip.Contracts.Nhs;
using Masip.Nhs.Referrals;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Liaison.RecordingCustodyContacts;

public sealed record RecordCustodyContact(
    Guid ContactId, Guid PerpetratorId, Guid? ReferralId, DateOnly Date, string CustodySuite, string Outcome);

public static class RecordCustodyContactDecision
{
    public static readonly IReadOnlyDictionary<string, string> Outcomes =
        new[] { "diverted", "mental-health-assessment-advised", "no-action" }.ToDictionary(o => o);

    // Lengths and plausible dates are the request's bounds (nhs.proto), checked before this.
    public static RecordCustodyContact Validate(RecordCustodyContactRequest request) => new(
        Require.Id(request.ContactId, "contact_id"),
        Require.Id(request.PerpetratorId, "perpetrator_id"),
        string.IsNullOrWhiteSpace(request.ReferralId) ? null : Require.Id(request.ReferralId, "referral_id"),
        Require.Date(request.Date, "date"),
        Require.Text(request.CustodySuite, "custody_suite"),
        Require.OneOf(request.Outcome, "outcome", Outcomes));

    /// <summary>
    /// A contact in custody is not in the future; the referral it names (if any) is about the same
    /// person. The practitioner who records it (the actor) is its clinician. Idempotent by contact
    /// id: the same contact again by the same practitioner decides nothing.
    /// </summary>
    public static IReadOnlyList<object> Decide(CustodyContact? current, Referral? referral, RecordCustodyContact command, Actor actor, DateTimeOffset now)
    {
        if (current is not null)
            return current with { RecordedAt = default } == new CustodyContact(command.ContactId, command.PerpetratorId,
                    command.ReferralId, command.Date, command.CustodySuite, command.Outcome, actor.Subject, default)
                ? []
                : throw new DuplicateRecordException("contact_id", "a different custody contact already has this id");
        LiaisonReferral.RequireSamePerson(referral, command.PerpetratorId);
        if (command.Date > DateOnly.FromDateTime(now.UtcDateTime))
            throw new InvalidFieldException("date", "is in the future");
        return [new CustodyContactRecorded(command.ContactId, command.PerpetratorId, command.ReferralId, command.Date,
            command.CustodySuite, command.Outcome, actor.Subject, now)];
    }
}
