namespace Compliance.Domain.Screening;

/// <summary>How a supplier product was tied to a listed good.</summary>
public enum GoodsRule
{
    /// <summary>The product name contains the listed good's own name (singular or plural, with or without its qualifier).</summary>
    GoodName,
    /// <summary>The product name contains a synonym or common trade phrasing of the good ("t-shirts" for Garments).</summary>
    Synonym,
    /// <summary>The product's HS code falls under a chapter, heading or subheading that covers the good.</summary>
    HsCode,
}

/// <summary>A listed good a product matched, by which rule, on which words or code.</summary>
public sealed record GoodsMatch(string Good, GoodsRule Rule, string Evidence);

/// <summary>Folding of good names so that editions, lists and product names compare.</summary>
public static class GoodNames
{
    /// <summary>Identity of a good across editions: DOL's renames folded, words singular and sorted.</summary>
    public static string Key(string good)
    {
        var words = Words(Renamed.GetValueOrDefault(NameMatching.Fold(good), good));
        return string.Join(' ', words.Order(StringComparer.Ordinal));
    }

    /// <summary>The input DOL names in the text of a downstream good (the data files carry only the input's country).</summary>
    public static string? KnownInput(string downstreamGood) => DownstreamInputs.GetValueOrDefault(Key(downstreamGood));

    internal static string[] Words(string text) =>
        [.. NameMatching.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Singular)];

    internal static string Phrase(string text) => string.Join(' ', Words(text));

    internal static string Singular(string word)
    {
        if (word.Length < 4 || word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal)) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal)) return word[..^3] + "y";
        if (word.EndsWith("toes", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
            || word.EndsWith("xes", StringComparison.Ordinal) || word.EndsWith("sses", StringComparison.Ordinal)) return word[..^2];
        return word[^1] == 's' ? word[..^1] : word;
    }

    /// <summary>The phrases a good's own name offers: "Cobalt ore (heterogenite)" gives "cobalt ore", "heterogenite", "heterogenite cobalt ore".</summary>
    internal static IEnumerable<string> PhrasesOf(string good)
    {
        var open = good.IndexOf('(');
        var close = good.LastIndexOf(')');
        var outside = open >= 0 && close > open ? good[..open] + good[(close + 1)..] : good;
        var inside = open >= 0 && close > open ? good[(open + 1)..close] : null;
        var heads = outside.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Phrase).Where(p => p.Length > 0).ToList();
        foreach (var head in heads) yield return head;
        if (inside is null) yield break;
        var qualifiers = inside.Split([',', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Phrase).ToList();
        if (!GenericQualifiers.Contains(Phrase(inside)))
        {
            foreach (var q in qualifiers) yield return q;
        }
        foreach (var q in qualifiers)
            foreach (var head in heads)
                if (!head.EndsWith(q, StringComparison.Ordinal)) yield return q + " " + head;
    }

    // Qualifiers that describe a category rather than name the good: "fish" alone is not "Nile Perch (fish)".
    private static readonly HashSet<string> GenericQualifiers = new(
        ["stimulant plant", "fish", "mineral", "gem", "legume", "clay", "steel", "crushed", "sandal", "hand woven", "textile",
         "green bean", "green soy yellow", "hybrid", "crushed stone", "hand rolled cigarette", "pome and stone", "palm"],
        StringComparer.Ordinal);

    // Renames between editions (PROVENANCE.md §1); reordered names such as "Cassiterite (tin ore)" fold by sorting words.
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["oil palm"] = "Palm Fruit",
        ["miraa stimulant plant"] = "Khat/Miraa (stimulant plant)",
        ["flowers poppies"] = "Poppies",
        ["heterogenite"] = "Cobalt ore (heterogenite)",
        ["coltan"] = "Tantalum ore (coltan)",
        ["wolframite"] = "Tungsten ore (wolframite)",
        ["cassiterite"] = "Tin ore (cassiterite)",
    };

    // DOL's 2022 downstream items and their inputs (2022 List of Goods; PROVENANCE.md §1).
    private static readonly Dictionary<string, string> DownstreamInputs = new Dictionary<string, string>
    {
        ["Solar Modules"] = "Polysilicon", ["Solar Cells"] = "Polysilicon",
        ["Photovoltaic Ingots"] = "Polysilicon", ["Photovoltaic Wafers"] = "Polysilicon",
        ["Lithium-Ion Batteries"] = "Cobalt ore (heterogenite)",
        ["Crude Palm Oil"] = "Palm Fruit", ["Refined Palm Oil"] = "Palm Fruit", ["Crude Palm Kernel Oil"] = "Palm Fruit",
        ["Refined Palm Kernel Oil"] = "Palm Fruit", ["Oleochemicals"] = "Palm Fruit",
    }.ToDictionary(p => Key(p.Key), p => p.Value, StringComparer.Ordinal);
}

/// <summary>
/// Ties product names and HS codes to the goods of the loaded lists. Built once per set of lists; read-only afterwards,
/// so one catalog serves many threads.
/// </summary>
public sealed class GoodsCatalog
{
    private readonly Dictionary<string, List<(string Good, GoodsRule Rule)>> _phrases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _hsCodes = new(StringComparer.Ordinal);
    private readonly int _longestPhrase;

    public GoodsCatalog(IEnumerable<string> listedGoods)
    {
        var byOwnPhrase = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var good in listedGoods.Distinct(StringComparer.Ordinal))
        {
            foreach (var phrase in GoodNames.PhrasesOf(good))
            {
                Add(phrase, good, GoodsRule.GoodName);
                if (!byOwnPhrase.TryGetValue(phrase, out var goods)) byOwnPhrase[phrase] = goods = new HashSet<string>(StringComparer.Ordinal);
                goods.Add(good);
            }
        }
        foreach (var (synonym, targets) in GoodsVocabulary.Synonyms)
            foreach (var target in targets)
                foreach (var good in byOwnPhrase.GetValueOrDefault(GoodNames.Phrase(target)) ?? [])
                    Add(GoodNames.Phrase(synonym), good, GoodsRule.Synonym);
        foreach (var (codes, targets) in GoodsVocabulary.HsCodes)
        {
            var goods = targets.SelectMany(t => byOwnPhrase.GetValueOrDefault(GoodNames.Phrase(t)) ?? []).Distinct().ToList();
            foreach (var code in codes.Split(' ')) _hsCodes[code] = goods;
        }
        _longestPhrase = _phrases.Keys.Select(p => p.Count(c => c == ' ') + 1).DefaultIfEmpty(0).Max();
    }

    private void Add(string phrase, string good, GoodsRule rule)
    {
        if (!_phrases.TryGetValue(phrase, out var list)) _phrases[phrase] = list = [];
        if (!list.Exists(x => x.Good == good)) list.Add((good, rule));
    }

    /// <summary>The listed goods a product is, by its name and by its HS code.</summary>
    public IReadOnlyList<GoodsMatch> Match(string productName, string? hsCode)
    {
        var matches = new List<GoodsMatch>();
        MatchName(productName, matches);
        MatchHsCode(hsCode, matches);
        return matches;
    }

    // Longest phrases win: "cocoa beans" is Cocoa, not also Beans; "cotton yarn" is Cotton and Thread/Yarn.
    private void MatchName(string productName, List<GoodsMatch> matches)
    {
        var words = GoodNames.Words(productName);
        var spans = new List<(int Start, int End, string Phrase)>();
        for (var start = 0; start < words.Length; start++)
            for (var length = Math.Min(_longestPhrase, words.Length - start); length >= 1; length--)
            {
                var phrase = string.Join(' ', words, start, length);
                if (_phrases.ContainsKey(phrase)) spans.Add((start, start + length, phrase));
            }
        foreach (var span in spans)
        {
            if (spans.Exists(o => o != span && o.Start <= span.Start && o.End >= span.End && o.End - o.Start > span.End - span.Start)) continue;
            foreach (var (good, rule) in _phrases[span.Phrase])
                if (!matches.Exists(m => m.Good == good)) matches.Add(new GoodsMatch(good, rule, span.Phrase));
        }
    }

    private void MatchHsCode(string? hsCode, List<GoodsMatch> matches)
    {
        var digits = new string((hsCode ?? "").Where(char.IsAsciiDigit).ToArray());
        foreach (var length in (int[])[6, 4, 2])
        {
            if (digits.Length < length || !_hsCodes.TryGetValue(digits[..length], out var goods)) continue;
            foreach (var good in goods)
                if (!matches.Exists(m => m.Good == good)) matches.Add(new GoodsMatch(good, GoodsRule.HsCode, $"HS {digits[..length]}"));
            return;
        }
    }
}
