using System.Globalization;
using Masip.ServiceDefaults.DataProtection;

namespace Masip.Probation.People;

/// <summary>
/// The person's details probation holds, which probation's data-protection officer may correct
/// (UK GDPR Art. 16; DPA 2018 s46): a RecordRectified event supersedes the field from then on.
/// </summary>
public static class PersonRectification
{
    public const string Record = "person";

    public static readonly RectifiableField<Person>[] Fields =
    [
        new("name", p => p.Name, Rectification.Line(200)),
        new("dateOfBirth", p => p.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Rectification.DateOfBirth()),
        new("pncId", p => p.PncId, Rectification.Line(20)),
    ];

    public static IServiceCollection AddPersonRectification(this IServiceCollection services) => services.AddRectifiable(Record, Fields);
}

public sealed partial record Person
{
    public Person Apply(RecordRectified e) => e.Field switch
    {
        "name" => this with { Name = e.NewValue, NameKey = PersonMatching.NameKey(e.NewValue) },
        "dateOfBirth" => this with { DateOfBirth = DateOnly.Parse(e.NewValue, CultureInfo.InvariantCulture) },
        "pncId" => this with { PncId = e.NewValue },
        _ => this,
    };
}
