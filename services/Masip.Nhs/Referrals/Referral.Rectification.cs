using System.Globalization;
using Masip.ServiceDefaults.DataProtection;

namespace Masip.Nhs.Referrals;

/// <summary>
/// The person's details an NHS referral holds, which the NHS's data-protection officer may correct
/// (UK GDPR Art. 16): a RecordRectified event supersedes the field from then on.
/// </summary>
public static class ReferralRectification
{
    public const string Record = "referral";

    public static readonly RectifiableField<Referral>[] Fields =
    [
        new("perpetrator.name", r => r.PerpetratorName, Rectification.Line(200)),
        new("perpetrator.dateOfBirth", r => r.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Rectification.DateOfBirth()),
        new("perpetrator.pncId", r => r.PncId, Rectification.Line(20)),
    ];

    public static IServiceCollection AddReferralRectification(this IServiceCollection services) => services.AddRectifiable(Record, Fields);
}

public sealed partial record Referral
{
    public Referral Apply(RecordRectified e) => e.Field switch
    {
        "perpetrator.name" => this with { PerpetratorName = e.NewValue },
        "perpetrator.dateOfBirth" => this with { DateOfBirth = DateOnly.Parse(e.NewValue, CultureInfo.InvariantCulture) },
        "perpetrator.pncId" => this with { PncId = e.NewValue },
        _ => this,
    };
}
