using System.Globalization;
using System.Text;

namespace Compliance.Domain.Common;

public sealed record Country(string Alpha2, string Alpha3, string Name);

/// <summary>ISO 3166-1 countries. Hong Kong, Macao and Taiwan are their own entries, as in ISO and the DOL list.</summary>
public static partial class Countries
{
    private static readonly Country[] All = Table();

    // Declared before the indexes built from it. Official (ISO/UN), DOL and everyday spellings the ICU short names lack.
    private static readonly (string Alpha2, string[] Names)[] Variants =
    [
        ("BA", ["Bosnia and Herzegovina"]),
        ("BN", ["Brunei Darussalam"]),
        ("BO", ["Bolivia, Plurinational State of"]),
        ("BS", ["Bahamas, The"]),
        ("CD", ["Democratic Republic of the Congo", "Congo, Democratic Republic of the", "DR Congo", "DRC", "Congo (Kinshasa)", "Zaire"]),
        ("CG", ["Congo", "Republic of the Congo", "Congo, Republic of the", "Congo (Brazzaville)"]),
        ("CI", ["Cote d'Ivoire", "Ivory Coast"]),
        ("CN", ["People's Republic of China", "PRC", "Mainland China"]),
        ("CV", ["Cabo Verde"]),
        ("CZ", ["Czech Republic"]),
        ("FM", ["Micronesia, Federated States of"]),
        ("GB", ["United Kingdom of Great Britain and Northern Ireland", "Great Britain", "UK", "England"]),
        ("GM", ["Gambia, The"]),
        ("HK", ["Hong Kong SAR", "Hong Kong SAR China", "Hong Kong, China"]),
        ("IR", ["Iran, Islamic Republic of"]),
        ("KG", ["Kyrgyz Republic"]),
        ("KN", ["Saint Kitts and Nevis"]),
        ("KP", ["Korea, Democratic People's Republic of", "Democratic People's Republic of Korea", "DPRK"]),
        ("KR", ["Korea, Republic of", "Republic of Korea"]),
        ("LA", ["Lao People's Democratic Republic", "Lao PDR"]),
        ("MD", ["Moldova, Republic of"]),
        ("MK", ["Macedonia", "Republic of North Macedonia"]),
        ("MM", ["Burma"]),
        ("MO", ["Macau", "Macao SAR China", "Macao, China"]),
        ("PS", ["Palestine", "State of Palestine", "West Bank and Gaza"]),
        ("RU", ["Russian Federation"]),
        ("SY", ["Syrian Arab Republic"]),
        ("SZ", ["Swaziland"]),
        ("TL", ["East Timor"]),
        ("TR", ["Turkey", "Republic of Türkiye"]),
        ("TT", ["Trinidad and Tobago"]),
        ("TW", ["Taiwan, Province of China", "Chinese Taipei"]),
        ("TZ", ["Tanzania, United Republic of", "United Republic of Tanzania"]),
        ("US", ["United States of America", "USA", "U.S.", "U.S.A."]),
        ("VA", ["Holy See", "Vatican"]),
        ("VC", ["Saint Vincent and the Grenadines"]),
        ("VE", ["Venezuela, Bolivarian Republic of"]),
        ("VN", ["Viet Nam"]),
    ];

    private static readonly Dictionary<string, Country> ByAlpha2 = All.ToDictionary(c => c.Alpha2, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, Country> ByAlpha3 = All.ToDictionary(c => c.Alpha3, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, string> ByName = NameIndex();

    public static IReadOnlyList<Country> List => All;

    public static bool IsKnownAlpha2(string? code) => code is { Length: 2 } && ByAlpha2.ContainsKey(code);

    public static Country? FindAlpha2(string? code) => code is { Length: 2 } && ByAlpha2.TryGetValue(code, out var c) ? c : null;

    public static string NameOf(string? alpha2) => FindAlpha2(alpha2)?.Name ?? alpha2 ?? "";

    /// <summary>
    /// Resolves an alpha-2 or alpha-3 code or an English country name, as spelled by ISO, the UN, DOL or people
    /// ("Viet Nam", "Burma", "Congo, Democratic Republic of the", "Turkey (Türkiye)", "Ivory Coast"), to ISO alpha-2.
    /// </summary>
    public static bool TryResolve(string? text, out string alpha2)
    {
        alpha2 = "";
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        if (trimmed.Length == 2 && ByAlpha2.TryGetValue(trimmed, out var c2)) { alpha2 = c2.Alpha2; return true; }
        if (trimmed.Length == 3 && ByAlpha3.TryGetValue(trimmed, out var c3)) { alpha2 = c3.Alpha2; return true; }
        foreach (var candidate in Spellings(trimmed))
        {
            if (ByName.TryGetValue(candidate, out var code)) { alpha2 = code; return true; }
        }
        return false;
    }

    // "Turkey (Türkiye)" is tried whole, outside and inside the brackets; "Korea, Republic of" also as "Republic of Korea".
    private static IEnumerable<string> Spellings(string text)
    {
        yield return Normalize(text);
        var open = text.IndexOf('(');
        var close = text.IndexOf(')');
        if (open >= 0 && close > open)
        {
            yield return Normalize(text[..open] + text[(close + 1)..]);
            yield return Normalize(text[(open + 1)..close]);
        }
        var comma = text.LastIndexOf(',');
        if (comma > 0) yield return Normalize(text[(comma + 1)..] + " " + text[..comma]);
    }

    internal static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var b = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark || ch is '\'' or '’' or '.') continue;
            if (ch == '&') b.Append(" and ");
            else b.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }
        var words = b.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] == "the") words.RemoveAt(0);
        for (var i = 0; i < words.Count; i++) if (words[i] == "st") words[i] = "saint";
        return string.Join(' ', words);
    }

    private static Dictionary<string, string> NameIndex()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in All) index[Normalize(c.Name)] = c.Alpha2;
        foreach (var (alpha2, names) in Variants)
        {
            foreach (var name in names) index[Normalize(name)] = alpha2;
        }
        return index;
    }
}
