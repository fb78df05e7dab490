using System.Globalization;
using System.Text;

namespace Compliance.Domain.Common;

/// <summary>
/// Reads a country as people and ERPs write it: ISO alpha-2 or alpha-3, the English short name, ISO's formal
/// "Korea, Republic of" style, and common variants ("Viet Nam", "Burma", "Ivory Coast", "Turkey").
/// Hong Kong, Macao and Taiwan resolve to themselves, never to China, as in ISO 3166-1 and the DOL list.
/// </summary>
public static class CountryNames
{
    // Keys are normalized (see Key). Only names that the table's English short names do not already cover.
    private static readonly (string Name, string Alpha2)[] Variants =
    [
        ("viet nam", "VN"), ("socialist republic of vietnam", "VN"),
        ("turkey", "TR"), ("turkiye", "TR"), ("republic of turkiye", "TR"),
        ("burma", "MM"), ("republic of the union of myanmar", "MM"),
        ("ivory coast", "CI"), ("cote divoire", "CI"), ("republic of cote divoire", "CI"),
        ("republic of korea", "KR"), ("korea republic", "KR"), ("korea south", "KR"), ("s korea", "KR"),
        ("democratic peoples republic of korea", "KP"), ("korea dpr", "KP"), ("dprk", "KP"), ("korea north", "KP"),
        ("peoples republic of china", "CN"), ("prc", "CN"), ("mainland china", "CN"), ("china mainland", "CN"), ("china prc", "CN"),
        ("hong kong sar", "HK"), ("hong kong sar china", "HK"), ("china hong kong sar", "HK"), ("hong kong china", "HK"), ("hongkong", "HK"),
        ("macau", "MO"), ("macao sar", "MO"), ("macao sar china", "MO"), ("china macao sar", "MO"), ("macau sar", "MO"), ("macao china", "MO"),
        ("taiwan province of china", "TW"), ("taiwan roc", "TW"), ("republic of china", "TW"), ("chinese taipei", "TW"), ("taiwan china", "TW"),
        ("usa", "US"), ("us", "US"), ("u s", "US"), ("u s a", "US"), ("united states of america", "US"), ("america", "US"),
        ("uk", "GB"), ("u k", "GB"), ("great britain", "GB"), ("britain", "GB"), ("england", "GB"), ("scotland", "GB"), ("wales", "GB"),
        ("united kingdom of great britain and northern ireland", "GB"), ("northern ireland", "GB"),
        ("uae", "AE"), ("emirates", "AE"),
        ("russian federation", "RU"), ("iran islamic republic", "IR"), ("islamic republic of iran", "IR"),
        ("syrian arab republic", "SY"), ("lao pdr", "LA"), ("lao peoples democratic republic", "LA"), ("lao", "LA"),
        ("plurinational state of bolivia", "BO"), ("bolivarian republic of venezuela", "VE"),
        ("united republic of tanzania", "TZ"), ("republic of moldova", "MD"), ("macedonia", "MK"), ("republic of north macedonia", "MK"),
        ("czech republic", "CZ"), ("holland", "NL"), ("the netherlands", "NL"), ("kingdom of the netherlands", "NL"),
        ("swaziland", "SZ"), ("cabo verde", "CV"), ("east timor", "TL"), ("brunei darussalam", "BN"),
        ("democratic republic of the congo", "CD"), ("dr congo", "CD"), ("drc", "CD"), ("congo kinshasa", "CD"), ("congo democratic republic", "CD"),
        ("republic of the congo", "CG"), ("congo republic", "CG"), ("congo", "CG"), ("congo brazzaville", "CG"),
        ("federated states of micronesia", "FM"), ("palestine", "PS"), ("state of palestine", "PS"),
        ("holy see", "VA"), ("vatican", "VA"), ("bosnia", "BA"), ("bosnia and herzegovina", "BA"),
        ("the bahamas", "BS"), ("the gambia", "GM"), ("kosovo", "XK"),
        ("saint kitts and nevis", "KN"), ("saint lucia", "LC"), ("saint vincent and the grenadines", "VC"),
        ("curacao", "CW"), ("sao tome and principe", "ST"), ("reunion", "RE"),
    ];

    private static readonly Dictionary<string, string> ByKey = Build();
    private static readonly Dictionary<string, string> ByCode = Countries.List
        .SelectMany(c => new[] { (c.Alpha2, c.Alpha2), (c.Alpha3, c.Alpha2) })
        .ToDictionary(c => c.Item1, c => c.Item2, StringComparer.OrdinalIgnoreCase);

    /// <summary>The ISO alpha-2 code of <paramref name="text"/>, when it names exactly one country.</summary>
    public static bool TryResolve(string? text, out string alpha2)
    {
        alpha2 = "";
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100) return false;
        // Codes are most of what files hold: no normalization needed for them.
        if (text.Length is 2 or 3 && ByCode.TryGetValue(text, out var code))
        {
            alpha2 = code;
            return true;
        }
        var key = Key(text);
        if (ByKey.TryGetValue(key, out var found) || TryInverted(text, out found))
        {
            alpha2 = found;
            return true;
        }
        return false;
    }

    /// <summary>ISO writes "Korea, Republic of" and "Bahamas, The": try the part after the comma first.</summary>
    private static bool TryInverted(string text, out string alpha2)
    {
        alpha2 = "";
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 && ByKey.TryGetValue(Key(text[(comma + 1)..] + " " + text[..comma]), out alpha2!);
    }

    private static Dictionary<string, string> Build()
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in Countries.List)
        {
            keys[c.Alpha2.ToLowerInvariant()] = c.Alpha2;
            keys[c.Alpha3.ToLowerInvariant()] = c.Alpha2;
            keys.TryAdd(Key(c.Name), c.Alpha2);
        }
        foreach (var (name, code) in Variants) keys[Key(name)] = code;
        return keys;
    }

    /// <summary>Lower case, accents removed, "&amp;" as "and", "St." as "saint", punctuation as spaces, one space between words.</summary>
    internal static string Key(string text)
    {
        var decomposed = Ascii.IsValid(text) ? text.Trim() : text.Trim().Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (ch is '\'' or '’' or '.' && key.Length > 0 && char.IsLetter(key[^1])) continue; // d'Ivoire, U.S.
            if (ch == '&') key.Append(" and ");
            else if (char.IsLetterOrDigit(ch)) key.Append(char.ToLowerInvariant(ch));
            else key.Append(' ');
        }
        var words = key.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w == "st" ? "saint" : w);
        return string.Join(' ', words);
    }
}
