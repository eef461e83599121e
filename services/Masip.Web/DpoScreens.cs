namespace Masip.Web;

/// <summary>
/// What the data-protection officer's screens offer per agency: the four agencies that hold
/// personal data (each answers DataProtection for its own records), and per agency the record type
/// and the closed list of fields RectifyRecord corrects (README "Data protection", rectification).
/// </summary>
public static class DpoScreens
{
    public static readonly string[] Agencies = ["police", "advocacy", "nhs", "probation"];

    public static readonly IReadOnlyDictionary<string, (string Record, string[] Fields)> Rectifiable = new Dictionary<string, (string, string[])>
    {
        ["police"] = ("case", ["victim.name", "victim.phone", "victim.email", "victim.address", "suspect.name", "suspect.dateOfBirth"]),
        ["advocacy"] = ("referral", ["victim.name", "victim.phone", "victim.email", "contactPreferences.safeTimes", "contactPreferences.language", "contactPreferences.preferredName"]),
        ["nhs"] = ("referral", ["perpetrator.name", "perpetrator.dateOfBirth", "perpetrator.pncId"]),
        ["probation"] = ("person", ["name", "dateOfBirth", "pncId"]),
    };

    /// <summary>The agency of the query (police when none or unknown).</summary>
    public static string Agency(string? query) => Agencies.Contains(query) ? query! : "police";
}
