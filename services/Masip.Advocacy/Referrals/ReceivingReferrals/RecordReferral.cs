using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals.ReceivingReferrals;

public sealed record RecordReferral(
    Guid ReferralId,
    string Source,
    string? CrimeReference,
    string VictimName,
    string? VictimPhone,
    string? VictimEmail,
    string Reason,
    VictimContactPreferences? ContactPreferences = null);

/// <summary>Where the decision lands: a new referral stream, or the original referral it duplicates.</summary>
public sealed record ReferralRecording(Guid StreamId, IReadOnlyList<object> Events);

public static class RecordReferralDecision
{
    /// <summary>The sources a referral may be recorded from by gRPC; police referrals arrive as messages only.</summary>
    public static readonly IReadOnlyDictionary<string, string> Sources = new Dictionary<string, string>
    {
        ["helpline"] = "helpline",
        ["self"] = "self",
        ["other-service"] = "other-service",
    };

    public const string Police = "police";

    /// <summary>
    /// Idempotent by referral id (the same referral again decides nothing; a different one under a
    /// used id is refused). A referral of a victim already referred in the same case is linked
    /// to the open original, so the victim has one referral however many agencies refer them.
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
            command.VictimName, command.VictimPhone, command.VictimEmail, command.Reason, now, command.ContactPreferences)]);
    }

    /// <summary>
    /// Records the referral in the command's scope (a gRPC call or a police message): the referral
    /// under its id, else the open original of the same victim in the same case, both loaded for
    /// writing. Two referrals of one victim racing in both try to start a referral; the unique
    /// index on the duplicate key lets one commit, and the pipeline decides the other again,
    /// which then links. Answers the id of the referral that holds it.
    /// </summary>
    public static async Task<Guid> Record(CommandScope scope, RecordReferral command, DateTimeOffset receivedAt)
    {
        var current = await scope.Stream<Referral>(command.ReferralId);
        var originalId = current.Aggregate is null
            ? await ReferralDuplicates.FindOriginal(scope.Session, ReferralDuplicates.KeyOf(command.CrimeReference, command.VictimName), command.ReferralId, scope.Cancellation)
            : null;
        var original = originalId is { } id ? await scope.Stream<Referral>(id) : null;
        var decision = Decide(current.Aggregate, original?.Aggregate, command, receivedAt);
        (decision.StreamId == command.ReferralId ? current : original!).AppendMany(decision.Events);
        return decision.StreamId;
    }
}
