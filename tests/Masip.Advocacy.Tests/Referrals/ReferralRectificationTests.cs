using Masip.Advocacy.DataProtection;
using Masip.Advocacy.Referrals;
using Masip.Contracts.Messages;
using Xunit;

namespace Masip.Advocacy.Tests.Referrals;

/// <summary>The police's corrections of a referred victim's details at advocacy: latest by the police's time and version, whatever the order.</summary>
public sealed class ReferralRectificationTests
{
    private static VictimDetailsRectifiedV1 Phone(string phone, long version, int minutes) =>
        new(Guid.NewGuid(), "CRIS-0001", "victim.phone", null, phone, null, version, Given.Now.AddMinutes(minutes));

    [Fact]
    public void A_police_correction_supersedes_the_phone_with_the_old_value_kept_in_the_event()
    {
        var referral = Given.Referral();
        var rectified = ReferralRectification.FromPolice(referral, Phone("07700 900 111", 7, 1), 3);

        Assert.NotNull(rectified);
        Assert.Equal(("07700 900123", "07700 900 111", 4L, 7L), (rectified.OldValue, rectified.NewValue, rectified.Version, rectified.SourceVersion));
        Assert.Equal("07700 900 111", referral.Apply(rectified).VictimPhone);
    }

    [Fact]
    public void A_redelivered_or_overtaken_correction_changes_nothing()
    {
        var later = Phone("07700 900 222", 8, 2);
        var earlier = Phone("07700 900 111", 7, 1);
        var referral = Given.Referral();
        referral = referral.Apply(ReferralRectification.FromPolice(referral, later, 3)!);

        Assert.Null(ReferralRectification.FromPolice(referral, later, 4));   // the same message again
        Assert.Null(ReferralRectification.FromPolice(referral, earlier, 4)); // an earlier one arriving late
        Assert.Equal("07700 900 222", referral.VictimPhone);
    }

    [Fact]
    public void A_correction_of_a_field_a_referral_does_not_carry_is_ignored() =>
        Assert.Null(ReferralRectification.FromPolice(Given.Referral(),
            new VictimDetailsRectifiedV1(Guid.NewGuid(), "CRIS-0001", "victim.address", null, null, null, 2, Given.Now), 3));
}
