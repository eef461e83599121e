namespace Masip.Probation.People;

/// <summary>How a police referral finds a person: the PNC id first, else the normalised name and date of birth.</summary>
public static class PersonMatching
{
    /// <summary>"99/123456x " and "99/123456X" are one PNC id.</summary>
    public static string? Pnc(string? pncId) =>
        string.IsNullOrWhiteSpace(pncId) ? null : pncId.Trim().Replace(" ", "").ToUpperInvariant();

    /// <summary>The platform's name key (ServiceDefaults Matching.NameKey): case, spacing, punctuation, accents and common transliterations set aside.</summary>
    public static string NameKey(string name) => Masip.ServiceDefaults.Matching.NameKey.For(name);
}
