using Marten;
using Masip.Meetings.Agenda.Candidates;
using Masip.Meetings.Calendar;

namespace Masip.Meetings.Agenda.Views;

/// <summary>The withdrawals of consent that concern a meeting's victim-voice items, by referral id.</summary>
public sealed class VoiceWithdrawals(IReadOnlyDictionary<Guid, VoiceWithdrawal> byReferral)
{
    public static readonly VoiceWithdrawals None = new(new Dictionary<Guid, VoiceWithdrawal>());

    /// <summary>Is this item's victim voice withheld: consent withdrawn after (or, position unknown, whenever) it was shared?</summary>
    public bool Withhold(AgendaItem item) =>
        item.ReferralId is { } referral && byReferral.TryGetValue(referral, out var withdrawal) && withdrawal.Withholds(item.SourceSequence);

    public static VoiceWithdrawals Of(IEnumerable<VoiceWithdrawal> withdrawals) => new(withdrawals.ToDictionary(w => w.Id));

    public static async Task<VoiceWithdrawals> Load(IQuerySession session, Meeting meeting, CancellationToken ct)
    {
        var referrals = meeting.Agenda.Where(i => i.VictimConsent && i.ReferralId is not null).Select(i => i.ReferralId!.Value).Distinct().ToList();
        return referrals.Count == 0 ? None : Of(await session.LoadManyAsync<VoiceWithdrawal>(ct, referrals));
    }
}
