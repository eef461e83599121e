using System.Globalization;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.DataProtection;

namespace Masip.Nhs.Referrals;

/// <summary>
/// The person's details an NHS referral holds, which the NHS's data-protection officer may correct
/// (UK GDPR Art. 16), and which the police's correction of the same details corrects on a police
/// referral (SuspectDetailsRectifiedV1): a RecordRectified event supersedes the field from then on.
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

    /// <summary>
    /// The decider for the police's correction of the suspect a police referral carried: the field
    /// takes it only when it is later than the correction the field last took (by the police's time,
    /// then version), so a redelivered or overtaken message changes nothing.
    /// </summary>
    public static RecordRectified? FromPolice(Referral referral, SuspectDetailsRectifiedV1 message, long version)
    {
        var (field, value) = message.Field switch
        {
            "suspect.name" => ("perpetrator.name", message.SuspectName),
            "suspect.dateOfBirth" => ("perpetrator.dateOfBirth", message.SuspectDateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ => ("", null),
        };
        if (value is null || referral.Route != Referral.Police || referral.CaseId != message.CaseId)
            return null;
        var last = referral.Rectified.GetValueOrDefault(field);
        if (!Rectification.Supersedes(message.RectifiedAt, message.Version, last?.At, last?.SourceVersion ?? 0))
            return null;
        var current = Fields.Single(f => f.Name == field).Current(referral);
        return new RecordRectified(referral.Id, Record, field, current, value,
            $"corrected at the police (case {message.CaseId})", "police", message.RectifiedAt, version + 1, message.Version);
    }
}

/// <summary>When a field was last corrected, and the publisher's version of that correction (the police's, or this record's own).</summary>
public sealed record RectificationMark(DateTimeOffset At, long SourceVersion);

public sealed partial record Referral
{
    public IReadOnlyDictionary<string, RectificationMark> Rectified { get; init; } = new Dictionary<string, RectificationMark>();

    public Referral Apply(RecordRectified e)
    {
        var marks = new Dictionary<string, RectificationMark>(Rectified) { [e.Field] = new(e.RectifiedAt, e.SourceVersion ?? e.Version) };
        return (e.Field switch
        {
            "perpetrator.name" => this with { PerpetratorName = e.NewValue },
            "perpetrator.dateOfBirth" => this with { DateOfBirth = DateOnly.Parse(e.NewValue, CultureInfo.InvariantCulture) },
            "perpetrator.pncId" => this with { PncId = e.NewValue },
            _ => this,
        }) with { Rectified = marks };
    }
}
