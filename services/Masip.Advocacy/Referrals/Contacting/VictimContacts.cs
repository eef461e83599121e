using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals.Contacting;

public sealed record AgreeUpdatePreferences(Guid ReferralId, int CadenceDays, string Channel);

public sealed record LogContact(Guid ReferralId, string Channel, string Summary, Guid? TaskId);

/// <summary>
/// Victims' Code: the victim agrees how often and how they are updated, and every contact is
/// logged (channel, summary, who: the acting advocate), so "was the victim updated?" has an answer.
/// </summary>
public static class VictimContactsDecision
{
    public static readonly IReadOnlyDictionary<string, string> Channels =
        new[] { "phone", "email", "text", "letter", "in-person", "video" }.ToDictionary(c => c);

    public static IReadOnlyList<object> Agree(Referral current, AgreeUpdatePreferences command, Actor actor, DateTimeOffset now)
    {
        EnsureNotDeclined(current);
        if (command.CadenceDays is < 1 or > 90)
            throw new InvalidFieldException("cadence_days", "must be between 1 and 90 days");
        if (current.UpdatePreferences is { } agreed && agreed.CadenceDays == command.CadenceDays && agreed.Channel == command.Channel)
            return [];
        return [new UpdatePreferencesAgreed(current.Id, command.CadenceDays, command.Channel, actor.Subject, now)];
    }

    public static IReadOnlyList<object> Log(Referral current, LogContact command, Guid contactId, Actor actor, DateTimeOffset now)
    {
        EnsureNotDeclined(current);
        return [new VictimContactLogged(current.Id, contactId, command.Channel, command.Summary, actor.Subject, command.TaskId, now)];
    }

    private static void EnsureNotDeclined(Referral current)
    {
        if (current.Status == ReferralStatus.Declined)
            throw new RuleViolationException("referral_id", "the referral was declined");
    }
}
