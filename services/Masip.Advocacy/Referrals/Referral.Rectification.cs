using Masip.ServiceDefaults.DataProtection;

namespace Masip.Advocacy.Referrals;

/// <summary>When a field was last corrected, and the publisher's version of that correction (a partner's, or this record's own).</summary>
public sealed record RectificationMark(DateTimeOffset At, long SourceVersion);

public sealed partial record Referral
{
    public IReadOnlyDictionary<string, RectificationMark> Rectified { get; init; } = new Dictionary<string, RectificationMark>();

    public Referral Apply(RecordRectified e)
    {
        var marks = new Dictionary<string, RectificationMark>(Rectified) { [e.Field] = new(e.RectifiedAt, e.SourceVersion ?? e.Version) };
        var preferences = ContactPreferences ?? new VictimContactPreferences([], null, false, false, null, null);
        return (e.Field switch
        {
            "victim.name" => this with
            {
                VictimName = e.NewValue,
                DuplicateKey = DuplicateKey is null ? null : ReferralDuplicates.KeyOf(CrimeReference, e.NewValue),
            },
            "victim.phone" => this with { VictimPhone = e.NewValue },
            "victim.email" => this with { VictimEmail = e.NewValue },
            "contactPreferences.safeTimes" => this with { ContactPreferences = preferences with { SafeTimes = e.NewValue } },
            "contactPreferences.language" => this with { ContactPreferences = preferences with { Language = e.NewValue } },
            "contactPreferences.preferredName" => this with { ContactPreferences = preferences with { PreferredName = e.NewValue } },
            _ => this,
        }) with { Rectified = marks };
    }
}
