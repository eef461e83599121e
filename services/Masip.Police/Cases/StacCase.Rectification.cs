using Masip.ServiceDefaults.DataProtection;

namespace Masip.Police.Cases;

/// <summary>
/// The personal-data fields of a case a data-protection officer may correct (UK GDPR Art. 16; DPA
/// 2018 s46): the victim's name and contact details, the suspect's name and date of birth. A
/// correction is a RecordRectified event that supersedes the field from then on; the crime
/// report's import history stays as it came.
/// </summary>
public static class CaseRectification
{
    public const string Record = "case";

    public static readonly RectifiableField<StacCase>[] Fields =
    [
        new("victim.name", c => c.Report.Victim.Name, Rectification.Line(200)),
        new("victim.phone", c => c.Report.Victim.Phone, Rectification.Line(40)),
        new("victim.email", c => c.Report.Victim.Email, Rectification.Line(254)),
        new("victim.address", c => c.Report.Victim.Address, Rectification.Line(400)),
        new("suspect.name", c => c.Report.Suspect?.Name, Rectification.Line(200)),
        new("suspect.dateOfBirth", c => c.Report.Suspect?.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Rectification.DateOfBirth()),
    ];

    /// <summary>The victim's details a referral to advocacy carries (VictimReferredToAdvocacyV1): their corrections go there too.</summary>
    public static readonly IReadOnlySet<string> SentToAdvocacy = new HashSet<string> { "victim.name", "victim.phone", "victim.email" };
}

public sealed partial record StacCase
{
    public StacCase Apply(RecordRectified e) => (e.Field switch
    {
        "victim.name" => this with { Report = Report with { Victim = Report.Victim with { Name = e.NewValue } } },
        "victim.phone" => this with { Report = Report with { Victim = Report.Victim with { Phone = e.NewValue } } },
        "victim.email" => this with { Report = Report with { Victim = Report.Victim with { Email = e.NewValue } } },
        "victim.address" => this with { Report = Report with { Victim = Report.Victim with { Address = e.NewValue } } },
        "suspect.name" => this with
        {
            Report = Report with { Suspect = (Report.Suspect ?? new Suspect(e.NewValue, null, null, null)) with { Name = e.NewValue } },
        },
        "suspect.dateOfBirth" => this with
        {
            Report = Report with { Suspect = Report.Suspect is { } s ? s with { DateOfBirth = DateOnly.Parse(e.NewValue, System.Globalization.CultureInfo.InvariantCulture) } : null },
        },
        _ => this,
    }) with { LastChangedAt = e.RectifiedAt };
}
