using System.Text;

namespace Masip.Probation.People;

/// <summary>How a police referral finds a person: the PNC id first, else the normalised name and date of birth.</summary>
public static class PersonMatching
{
    /// <summary>"99/123456x " and "99/123456X" are one PNC id.</summary>
    public static string? Pnc(string? pncId) =>
        string.IsNullOrWhiteSpace(pncId) ? null : pncId.Trim().Replace(" ", "").ToUpperInvariant();

    /// <summary>Case, punctuation and spacing do not tell two names apart ("O'Neil,  Test" ~ "o neil test").</summary>
    public static string NameKey(string name)
    {
        var key = new StringBuilder(name.Length);
        var space = false;
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && key.Length > 0)
                    key.Append(' ');
                key.Append(c);
                space = false;
            }
            else
                space = true;
        }
        return key.ToString();
    }
}
