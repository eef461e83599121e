using System.Globalization;
using System.Text;

namespace Masip.ServiceDefaults.Matching;

/// <summary>
/// The one key every service matches people's names by: "  MARY  ann   JONÉS " and "Mary-Ann
/// Jones" are both "mary ann jones". Case is folded; combining marks are removed and Latin letters
/// decomposed (NFKD, from a built-in table: the services run with InvariantGlobalization, where
/// string.Normalize does not decompose); common letters without a decomposition are transliterated
/// (ß ss, æ ae, ø o, ł l, đ d, œ oe, þ th, ð d, ħ h, ı i, ŋ ng); fullwidth forms become ASCII;
/// punctuation (apostrophes and hyphens too: "O'Neil" is "o neil"), symbols and whitespace
/// separate words, and words are joined by one space. Letters of other scripts are kept, lowercased.
/// </summary>
public static class NameKey
{
    private static readonly Dictionary<char, string> Letters = Build();

    /// <summary>The key; empty when the name holds no letter or digit.</summary>
    public static string For(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return "";
        var key = new StringBuilder(name.Length);
        var space = false;
        foreach (var raw in name)
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw; // fullwidth ASCII
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
                continue;
            string? letters = Letters.TryGetValue(c, out var mapped) ? mapped
                : char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c).ToString()
                : null;
            if (letters is null)
            {
                space = key.Length > 0;
                continue;
            }
            if (space)
                key.Append(' ');
            space = false;
            key.Append(letters);
        }
        return key.ToString();
    }

    private static Dictionary<char, string> Build()
    {
        var letters = new Dictionary<char, string>
        {
            ['ß'] = "ss", ['ẞ'] = "ss", ['æ'] = "ae", ['Æ'] = "ae", ['ø'] = "o", ['Ø'] = "o", ['ł'] = "l", ['Ł'] = "l",
            ['đ'] = "d", ['Đ'] = "d", ['œ'] = "oe", ['Œ'] = "oe", ['þ'] = "th", ['Þ'] = "th", ['ð'] = "d", ['Ð'] = "d",
            ['ħ'] = "h", ['Ħ'] = "h", ['ı'] = "i", ['ŀ'] = "l", ['Ŀ'] = "l", ['ŧ'] = "t", ['Ŧ'] = "t", ['ƒ'] = "f",
            ['ĸ'] = "k", ['ŋ'] = "ng", ['Ŋ'] = "ng",
        };
        foreach (var entry in LatinLetters.Decompositions.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            letters[entry[0]] = entry[1..];
        return letters;
    }
}
