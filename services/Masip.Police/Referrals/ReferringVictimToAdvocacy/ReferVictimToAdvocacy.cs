using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Referrals.ReferringVictimToAdvocacy;

public sealed record ReferVictimToAdvocacy(
    Guid ReferralId,
    string CrimeReference,
    string VictimName,
    string? VictimPhone,
    string? VictimEmail,
    string Reason);

public static class ReferVictimToAdvocacyDecision
{
    /// <summary>
    /// The command is idempotent by referral id: the same referral again decides nothing; a
    /// different referral under an id already used is refused. The referring officer is the actor.
    /// </summary>
    public static IReadOnlyList<object> Decide(VictimReferral? current, ReferVictimToAdvocacy command, Actor actor, DateTimeOffset now,
        Cases.ContactPreferencesRecorded? preferences = null)
    {
        // The victim's contact preferences go with the referral: the advocate who calls them sees them (issue 17.4).
        if (current is null)
            return [new VictimReferredToAdvocacy(command.ReferralId, command.CrimeReference, command.VictimName,
                command.VictimPhone, command.VictimEmail, command.Reason, actor.Subject, now, preferences)];

        var same = current.CrimeReference == command.CrimeReference
            && current.VictimName == command.VictimName
            && current.VictimPhone == command.VictimPhone
            && current.VictimEmail == command.VictimEmail
            && current.Reason == command.Reason
            && current.ReferredBy == actor.Subject;
        return same
            ? []
            : throw new DuplicateRecordException("referral_id", "a different referral already has this id");
    }
}
