using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals.ReceivingReferrals;

public sealed record RecordReferral(
    Guid ReferralId,
    string Source,
    string? CrimeReference,
    string VictimName,
    string? VictimPhone,
    string? VictimEmail,
    string Reason);

/// <summary>Where the decision lands: a new referral stream, or the original referral it duplicates.</summary>
public sealed record ReferralRecording(Guid StreamId, IReadOnlyList<object> Events);

public static class RecordReferralDecision
{
    public static readonly IReadOnlyDictionary<string, string> Sources = new Dictionary<string, string>
    {
        ["helpline"] = "helpline",
        ["self"] = "self",
        ["other-service"] = "other-service",
    };

    /// <summary>
    /// Idempotent by referral id (the same referral again decides nothing; a different one under a
    /// used id is refused). A referral of a victim already referred in the same case is linked
    /// to the original, so the victim has one referral however many agencies refer them.
    /// </summary>
    public static ReferralRecording Decide(Referral? current, Referral? original, RecordReferral command, DateTimeOffset now)
    {
        if (current is not null)
        {
            var same = current.Source == command.Source
                && current.CrimeReference == command.CrimeReference
                && current.VictimName == command.VictimName
                && current.VictimPhone == command.VictimPhone
                && current.VictimEmail == command.VictimEmail
                && current.Reason == command.Reason;
            return same
                ? new ReferralRecording(current.Id, [])
                : throw new DuplicateRecordException("referral_id", "a different referral already has this id");
        }
        if (original is not null)
        {
            if (original.LinkedReferralIds.Contains(command.ReferralId))
                return new ReferralRecording(original.Id, []);
            return new ReferralRecording(original.Id, [new DuplicateReferralLinked(original.Id, command.ReferralId, command.Source, now)]);
        }
        return new ReferralRecording(command.ReferralId, [new ReferralReceived(command.ReferralId, command.Source, command.CrimeReference,
            command.VictimName, command.VictimPhone, command.VictimEmail, command.Reason, now)]);
    }
}
