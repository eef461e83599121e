using Marten;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals;

/// <summary>
/// Referrals in, decisions, triage, contacts, consent and the victim's voice. Each command's
/// endpoint lives beside its use case (ReceivingReferrals/, Deciding/, ...); the queries are in
/// ReferralQueries.cs. The reply mapper here is shared by them all.
/// </summary>
public sealed partial class AdvocacyReferralsGrpc(CommandPipeline pipeline, IQuerySession query) : AdvocacyReferrals.AdvocacyReferralsBase
{
    private static string Name<T>(T value) where T : Enum => value.ToString().ToLowerInvariant();

    internal static ReferralReply ToReply(Referral referral)
    {
        var reply = new ReferralReply
        {
            ReferralId = referral.Id.ToString(),
            Status = Name(referral.Status),
            Source = referral.Source,
            CrimeReference = referral.CrimeReference ?? "",
            VictimName = referral.VictimName,
            VictimPhone = referral.VictimPhone ?? "",
            VictimEmail = referral.VictimEmail ?? "",
            Reason = referral.Reason,
            ReceivedAt = Formats.Instant(referral.ReceivedAt),
            DecidedBy = referral.DecidedBy ?? "",
            DecidedAt = referral.DecidedAt is { } decided ? Formats.Instant(decided) : "",
            DeclineReason = referral.DeclineReason ?? "",
            EpisodeId = referral.EpisodeId?.ToString() ?? "",
        };
        reply.PastEpisodeIds.AddRange(referral.PastEpisodeIds.Select(id => id.ToString()));
        reply.LinkedReferralIds.AddRange(referral.LinkedReferralIds.Select(id => id.ToString()));
        reply.ConsentToShareWith.AddRange(referral.ConsentToShareWith);
        if (referral.ContactPreferences is { } preferences)
        {
            reply.ContactPreferences = new ContactPreferences
            {
                SafeTimes = preferences.SafeTimes ?? "", NoWithheldNumbers = preferences.NoWithheldNumbers,
                InterpreterNeeded = preferences.InterpreterNeeded, Language = preferences.Language ?? "", PreferredName = preferences.PreferredName ?? "",
            };
            reply.ContactPreferences.SafeNumbers.AddRange(preferences.SafeNumbers);
        }
        if (referral.Triage is { } t)
            reply.Triage = new Triage
            {
                RiskLevel = Name(t.RiskLevel),
                SupportLevel = Name(t.SupportLevel),
                SashYesCount = t.SashYesCount,
                SashAnswerCount = t.SashAnswerCount,
                Violence = t.Indicators.Violence,
                Children = t.Indicators.Children,
                CurrentCourtCase = t.Indicators.CurrentCourtCase,
                BreakIns = t.Indicators.BreakIns,
                ProfessionalJudgement = t.ProfessionalJudgement is { } j ? Name(j) : "",
                JudgementRationale = t.JudgementRationale ?? "",
                TriagedBy = t.TriagedBy,
                TriagedAt = Formats.Instant(t.TriagedAt),
            };
        if (referral.UpdatePreferences is { } p)
            reply.UpdatePreferences = new Masip.Contracts.Advocacy.UpdatePreferences
            {
                CadenceDays = p.CadenceDays, Channel = p.Channel, AgreedBy = p.AgreedBy, AgreedAt = Formats.Instant(p.AgreedAt),
            };
        reply.Contacts.AddRange(referral.Contacts.Select(c => new Masip.Contracts.Advocacy.Contact
        {
            ContactId = c.ContactId.ToString(),
            Channel = c.Channel,
            Summary = c.Summary,
            ContactedBy = c.ContactedBy,
            ContactedAt = Formats.Instant(c.ContactedAt),
            TaskId = c.TaskId?.ToString() ?? "",
        }));
        if (referral.Voice is { } v)
            reply.VictimVoice = new VictimVoice
            {
                Concerns = v.Concerns, Wishes = v.Wishes, RecordedBy = v.RecordedBy, RecordedAt = Formats.Instant(v.RecordedAt), SharedWithDmm = v.SharedWithDmm,
            };
        return reply;
    }
}
