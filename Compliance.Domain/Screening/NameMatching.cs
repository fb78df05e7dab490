using System.Globalization;
using System.Numerics;
using System.Text;

namespace Compliance.Domain.Screening;

/// <summary>A name made ready for comparison once, so that screening many suppliers re-uses the work.</summary>
public sealed class PreparedName
{
    internal PreparedName(string original, string[] tokens, double[]? weights = null)
    {
        Original = original;
        Tokens = Words = tokens;
        Sounds = new string[tokens.Length];
        for (var i = 0; i < tokens.Length; i++) Sounds[i] = NameMatching.Soundex(tokens[i], int.MaxValue);
        Shapes = new TokenShape[tokens.Length];
        for (var i = 0; i < tokens.Length; i++) Shapes[i] = new TokenShape(tokens[i], Sounds[i]);
        Joined = string.Concat(tokens);
        JoinedShape = new TokenShape(Joined, "");
        if (tokens.Length == 1) SortedKey = tokens[0];
        else
        {
            var sorted = (string[])tokens.Clone();
            Array.Sort(sorted, StringComparer.Ordinal);
            SortedKey = string.Join(' ', sorted);
        }
        if (weights is null)
        {
            weights = new double[tokens.Length];
            for (var i = 0; i < tokens.Length; i++) weights[i] = tokens[i].Length;
        }
        Weights = weights;
        Weight = weights.Sum();
        // Heaviest tokens first, and the sums of the k heaviest: what the bounded score needs, worked out once per name.
        ByWeight = new int[tokens.Length];
        for (var i = 0; i < tokens.Length; i++) ByWeight[i] = i;
        if (tokens.Length > 1)
        {
            var keys = new double[tokens.Length];
            for (var i = 0; i < tokens.Length; i++) keys[i] = -weights[i];
            Array.Sort(keys, ByWeight);
        }
        HeaviestSums = new double[tokens.Length + 1];
        for (var k = 0; k < tokens.Length; k++) HeaviestSums[k + 1] = HeaviestSums[k] + weights[ByWeight[k]];
    }

    public string Original { get; }
    public IReadOnlyList<string> Tokens { get; }
    /// <summary>The tokens as an array, for the inner loops (no interface calls).</summary>
    internal string[] Words { get; }
    /// <summary>Soundex without the cut at four characters: "Hengwan" and "Hongxing" share H525 but not H525/H5252.</summary>
    internal string[] Sounds { get; }
    internal string Joined { get; }
    internal string SortedKey { get; }
    /// <summary>How much each token counts: its length, less for tokens common in the entity list.</summary>
    internal double[] Weights { get; }
    internal double Weight { get; }
    /// <summary>What <see cref="NameMatching.SimilarityBound"/> needs of each token.</summary>
    internal TokenShape[] Shapes { get; }
    internal TokenShape JoinedShape { get; }
    /// <summary>Token positions, heaviest first.</summary>
    internal int[] ByWeight { get; }
    /// <summary>At k: the sum of the k heaviest weights.</summary>
    internal double[] HeaviestSums { get; }
    internal string this[int i] => Words[i];
    public bool IsEmpty => Words.Length == 0;

    internal PreparedName Reweighted(TokenRarity rarity) =>
        new(Original, (string[])Tokens, [.. Tokens.Select(t => t.Length * rarity.Factor(t))]);
}

/// <summary>
/// A token reduced to what bounds its similarity to another from above without comparing them letter by letter: which
/// characters it has (first and second occurrences as bits, further ones counted), its length, its first four
/// characters and a hash of its Soundex.
/// </summary>
internal readonly struct TokenShape
{
    public TokenShape(string token, string sound)
    {
        ulong once = 0, twice = 0;
        var excess = 0;
        foreach (var c in token)
        {
            // Letters and digits have a bit each; other characters share bits, which only loosens the bound.
            var bit = 1UL << (c is >= 'a' and <= 'z' ? c - 'a' : c is >= '0' and <= '9' ? 26 + c - '0' : 36 + c % 28);
            if ((once & bit) == 0) once |= bit;
            else if ((twice & bit) == 0) twice |= bit;
            else excess++;
        }
        (Once, Twice, Excess, Length) = (once, twice, excess, token.Length);
        Reciprocal = token.Length == 0 ? 0 : 1.0 / token.Length;
        ulong prefix = 0;
        for (var i = 0; i < Math.Min(4, token.Length); i++) prefix |= (ulong)token[i] << (16 * i);
        Prefix = prefix;
        var hash = 14695981039346656037UL; // FNV-1a: equal codes hash equal, which is all the bound needs
        foreach (var c in sound) hash = (hash ^ c) * 1099511628211UL;
        Sound = hash;
    }

    public ulong Once { get; }
    public ulong Twice { get; }
    public int Excess { get; }
    public int Length { get; }
    /// <summary>1 / Length: the bound multiplies rather than divides.</summary>
    public double Reciprocal { get; }
    /// <summary>The first four characters, 16 bits each, the first in the lowest bits.</summary>
    public ulong Prefix { get; }
    public ulong Sound { get; }
}

/// <summary>
/// Token rarity in a list of names (inverse document frequency): "manufacturing" or "xinjiang" tell less about
/// which entity is meant than "hoshine", so they weigh less when a list is screened.
/// </summary>
internal sealed class TokenRarity
{
    // Tokens in this many names or fewer count fully.
    private const double RareUpTo = 5;
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly double _names;

    public TokenRarity(IReadOnlyCollection<PreparedName> names)
    {
        _names = Math.Max(names.Count, RareUpTo + 1);
        foreach (var name in names)
            foreach (var token in name.Tokens.Distinct(StringComparer.Ordinal))
                _counts[token] = _counts.GetValueOrDefault(token) + 1;
    }

    public double Factor(string token)
    {
        var count = _counts.GetValueOrDefault(token);
        if (count <= RareUpTo) return 1;
        return Math.Max(0.1, Math.Log(_names / count) / Math.Log(_names / RareUpTo));
    }
}

/// <summary>
/// Name similarity for entity screening, after moov-io/watchman (best pairs of Jaro-Winkler token scores) and
/// OpenSanctions (legal forms folded, phonetic and token-set "fingerprint" signals). Scores run 0..1.
/// </summary>
public static class NameMatching
{
    // A token pair below this Jaro-Winkler similarity counts for nothing: "Dulaimi" vs "Tikriti" must not pass for half a match.
    private const double PairFloor = 0.70;
    // Tokens that sound alike (Soundex) or an initial against the full name count as this similar.
    private const double PhoneticSimilarity = 0.90;
    // How much tokens of the longer name left unpaired cost ("Mohammad Jawad Hamid Waziri" still is "Mohammad Jawad Waziri").
    private const double UnpairedPenalty = 0.30;

    /// <summary>Lower-case, no diacritics, Cyrillic transliterated, punctuation as spaces; for keys and equality.</summary>
    public static string Fold(string text)
    {
        // Plain ASCII (most names) needs no Unicode decomposition.
        var decomposed = Ascii.IsValid(text) ? text : text.Normalize(NormalizationForm.FormKD);
        var b = new StringBuilder(decomposed.Length + 8);
        var space = true; // collapse runs of separators and drop them at both ends
        foreach (var raw in decomposed)
        {
            var ch = char.ToLowerInvariant(raw);
            if (!char.IsAscii(ch) && CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark) continue;
            if (ch is '\'' or '’' or '‘' or '`' or '.' or 'ʼ') continue; // "Qa'ida" = "Qaida", "L.L.C." = "LLC"
            if (ch == '&') { Append(" and "); continue; }
            var latin = Cyrillic(ch);
            if (latin is not null) { Append(latin); continue; }
            if (char.IsLetterOrDigit(ch)) { b.Append(ch); space = false; }
            else if (!space) { b.Append(' '); space = true; }
        }
        if (b.Length > 0 && b[^1] == ' ') b.Length--;
        return b.ToString();

        void Append(string part)
        {
            foreach (var c in part)
            {
                if (c != ' ') { b.Append(c); space = false; }
                else if (!space) { b.Append(' '); space = true; }
            }
        }
    }

    public static PreparedName Prepare(string name) => Prepare(name, null);

    internal static PreparedName Prepare(string name, TokenRarity? rarity)
    {
        var folded = " " + Fold(StripCjkLegalForms(name)) + " ";
        foreach (var phrase in PaddedLegalPhrases) folded = folded.Replace(phrase, " ", StringComparison.Ordinal);
        var tokens = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var keptCount = 0;
        foreach (var t in tokens) if (!LegalForms.Contains(t) && !Particles.Contains(t)) keptCount++;
        var chosen = tokens;
        if ((keptCount > 0 && keptCount < tokens.Length) || (keptCount == tokens.Length && tokens.Any(Abbreviations.ContainsKey)))
        {
            chosen = new string[keptCount];
            var k = 0;
            foreach (var t in tokens)
                if (!LegalForms.Contains(t) && !Particles.Contains(t)) chosen[k++] = Abbreviations.GetValueOrDefault(t, t);
        }
        double[]? weights = null;
        if (rarity is not null)
        {
            weights = new double[chosen.Length];
            for (var i = 0; i < chosen.Length; i++) weights[i] = chosen[i].Length * rarity.Factor(chosen[i]);
        }
        return new PreparedName(name, chosen, weights);
    }

    public static double Score(string a, string b) => Score(Prepare(a), Prepare(b));

    public static double Score(PreparedName a, PreparedName b)
    {
        if (a.IsEmpty || b.IsEmpty) return 0;
        if (a.SortedKey == b.SortedKey) return 1;
        var (shorter, longer) = a.Words.Length <= b.Words.Length ? (a, b) : (b, a);
        var n = shorter.Words.Length;
        var m = longer.Words.Length;
        Span<double> sims = n * m <= 256 ? stackalloc double[n * m] : new double[n * m];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < m; j++)
                sims[i * m + j] = TokenSimilarity(shorter, i, longer, j);
        return Combine(a, b, sims);
    }

    // Rounding: the bound adds the same terms as Combine in another order, so it may come out a hair lower.
    private const double BoundSlack = 1e-9;

    /// <summary>
    /// <see cref="Score(PreparedName, PreparedName)"/> when that is at least <paramref name="threshold"/>; otherwise some
    /// value below <paramref name="threshold"/>. Screening only keeps scores at the threshold or above, and most candidates
    /// fall short, so token pairs are worked out heaviest token first and a candidate is dropped as soon as an upper bound
    /// of its score falls below the threshold (the hits and their scores are the same as with the full score).
    /// </summary>
    public static double ScoreAtLeast(PreparedName a, PreparedName b, double threshold)
    {
        if (a.IsEmpty || b.IsEmpty) return 0;
        if (a.SortedKey == b.SortedKey) return 1;
        var (shorter, longer) = a.Words.Length <= b.Words.Length ? (a, b) : (b, a);
        var n = shorter.Words.Length;
        var m = longer.Words.Length;
        // Upper bound of Combine's token score: each token of the shorter name pairs with at most its most similar token
        // of the longer (Stretch rises with similarity), tokens not yet compared at most fully, and at least the weight
        // of all but the n heaviest tokens of the longer name stays unpaired. Heaviest tokens first: they lower it most.
        var scale = (1 - UnpairedPenalty * (longer.Weight - longer.HeaviestSums[n]) / longer.Weight) / shorter.Weight;
        var floor = threshold - BoundSlack;
        var order = shorter.ByWeight;
        // First from bounds of the token similarities (a few bit operations a pair), then from the similarities.
        var reach = shorter.Weight;
        for (var r = 0; r < n; r++)
        {
            var i = order[r];
            var best = 0.0;
            for (var j = 0; j < m; j++) best = Math.Max(best, SimilarityBound(shorter.Shapes[i], longer.Shapes[j]));
            reach -= (1 - Stretch(best)) * shorter.Weights[i];
            if (reach * scale >= floor) continue;
            var below = BelowThreshold(a, b, reach * scale, threshold);
            if (below < threshold) return below;
            break;
        }
        Span<double> sims = n * m <= 256 ? stackalloc double[n * m] : new double[n * m];
        reach = shorter.Weight;
        for (var r = 0; r < n; r++)
        {
            var i = order[r];
            var best = 0.0;
            for (var j = 0; j < m; j++)
            {
                var s = sims[i * m + j] = TokenSimilarity(shorter, i, longer, j);
                if (s > best) best = s;
            }
            reach -= (1 - Stretch(best)) * shorter.Weights[i];
            if (reach * scale >= floor) continue;
            var below = BelowThreshold(a, b, reach * scale, threshold);
            if (below < threshold) return below;
            // The joined strings carry it: the full score after all.
            for (r++; r < n; r++)
            {
                i = order[r];
                for (var j = 0; j < m; j++) sims[i * m + j] = TokenSimilarity(shorter, i, longer, j);
            }
        }
        return Combine(a, b, sims);
    }

    // The token score is below the threshold (at most bound); the joined strings can still carry the name past it
    // ("Mohammadhasni" vs "Mohammad Hasni"). Below the threshold, or the threshold itself when the full score is needed.
    private static double BelowThreshold(PreparedName a, PreparedName b, double bound, double threshold)
    {
        if (a.Words.Length == b.Words.Length || Math.Abs(a.Joined.Length - b.Joined.Length) > 3) return Math.Min(bound, threshold - BoundSlack);
        if (Stretch(JaroWinklerBound(a.JoinedShape, b.JoinedShape)) < threshold - BoundSlack) return Math.Min(bound, threshold - BoundSlack);
        var joined = Stretch(JaroWinkler(a.Joined, b.Joined));
        return joined < threshold ? Math.Max(Math.Min(bound, threshold - BoundSlack), joined) : threshold;
    }

    /// <summary>
    /// The score from the token similarities already worked out: <paramref name="sims"/> holds
    /// <see cref="TokenSimilarity"/> of the shorter name's token i (a when both are as long) against the longer's j at i * m + j.
    /// </summary>
    private static double Combine(PreparedName a, PreparedName b, ReadOnlySpan<double> sims)
    {
        var (shorter, longer) = a.Words.Length <= b.Words.Length ? (a, b) : (b, a);
        var n = shorter.Words.Length;
        var m = longer.Words.Length;
        // Greedy best pairs: take the most similar pair left, until the shorter name is used up.
        Span<bool> usedS = n <= 64 ? stackalloc bool[n] : new bool[n];
        Span<bool> usedL = m <= 64 ? stackalloc bool[m] : new bool[m];
        double paired = 0;
        var unpairedWeight = longer.Weight;
        if (shorter.Weight <= 0 || longer.Weight <= 0) return 0;
        for (var k = 0; k < n; k++)
        {
            int bi = -1, bj = -1;
            var best = -1.0;
            for (var i = 0; i < n; i++)
            {
                if (usedS[i]) continue;
                for (var j = 0; j < m; j++)
                    if (!usedL[j] && sims[i * m + j] > best) { best = sims[i * m + j]; bi = i; bj = j; }
            }
            usedS[bi] = usedL[bj] = true;
            paired += Stretch(best) * shorter.Weights[bi];
            unpairedWeight -= longer.Weights[bj];
        }
        var tokenScore = paired / shorter.Weight * (1 - UnpairedPenalty * unpairedWeight / longer.Weight);
        // Spacing differences ("Mohammadhasni" vs "Mohammad Hasni") show in the joined strings.
        var joinedScore = n != m && Math.Abs(a.Joined.Length - b.Joined.Length) <= 3 ? Stretch(JaroWinkler(a.Joined, b.Joined)) : 0;
        return Math.Max(tokenScore, joinedScore);
    }

    /// <summary>
    /// An upper bound of <see cref="TokenSimilarity"/> from the tokens' shapes. Jaro-Winkler's matched characters are at most
    /// the characters the tokens have in common (counted with repeats) and at most the shorter length; with no
    /// transpositions and the actual common prefix that gives the largest Jaro-Winkler those matches allow. Tokens that
    /// may share their Soundex or may be an initial of the other can reach <see cref="PhoneticSimilarity"/>.
    /// </summary>
    internal static double SimilarityBound(in TokenShape x, in TokenShape y)
    {
        var bound = JaroWinklerBound(x, y);
        if (bound >= PhoneticSimilarity) return bound;
        var phonetic = (x.Length > 1 && y.Length > 1 && x.Sound == y.Sound)
            || ((x.Length == 1 || y.Length == 1) && (ushort)x.Prefix == (ushort)y.Prefix);
        return phonetic ? PhoneticSimilarity : bound;
    }

    /// <summary>An upper bound of <see cref="JaroWinkler(string, string)"/> from the shapes (see <see cref="SimilarityBound"/>).</summary>
    internal static double JaroWinklerBound(in TokenShape x, in TokenShape y)
    {
        if (x.Length == 0 || y.Length == 0) return 0;
        var shorter = Math.Min(x.Length, y.Length);
        var common = BitOperations.PopCount(x.Once & y.Once) + BitOperations.PopCount(x.Twice & y.Twice) + Math.Min(x.Excess, y.Excess);
        var matches = Math.Min(common, shorter);
        if (matches == 0) return 0;
        var prefix = Math.Min(Math.Min(4, shorter), BitOperations.TrailingZeroCount(x.Prefix ^ y.Prefix) / 16);
        var jaro = (matches * (x.Reciprocal + y.Reciprocal) + 1) * (1.0 / 3);
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    private static double Stretch(double similarity) => Math.Max(0, (similarity - PairFloor) / (1 - PairFloor));

    internal static double TokenSimilarity(PreparedName a, int i, PreparedName b, int j)
    {
        var x = a.Words[i];
        var y = b.Words[j];
        var s = JaroWinkler(x, y);
        if (s >= PhoneticSimilarity) return s;
        if (x.Length > 1 && y.Length > 1 && a.Sounds[i] == b.Sounds[j]) return PhoneticSimilarity;
        if ((x.Length == 1 && y[0] == x[0]) || (y.Length == 1 && x[0] == y[0])) return PhoneticSimilarity;
        return s;
    }

    public static double JaroWinkler(string a, string b) => JaroWinkler(a.AsSpan(), b.AsSpan());

    public static double JaroWinkler(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.SequenceEqual(b)) return 1;
        if (a.Length == 0 || b.Length == 0) return 0;
        if (a.Length > 64 || b.Length > 64) return JaroWinklerLong(a, b);
        // Tokens fit in 64 bits: the matched characters of each side as bit masks, nothing to allocate or clear.
        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        ulong ma = 0, mb = 0;
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var end = Math.Min(b.Length, i + window + 1);
            for (var j = Math.Max(0, i - window); j < end; j++)
            {
                if ((mb & (1UL << j)) != 0 || a[i] != b[j]) continue;
                ma |= 1UL << i;
                mb |= 1UL << j;
                matches++;
                break;
            }
        }
        if (matches == 0) return 0;
        var transpositions = 0;
        while (ma != 0)
        {
            if (a[BitOperations.TrailingZeroCount(ma)] != b[BitOperations.TrailingZeroCount(mb)]) transpositions++;
            ma &= ma - 1;
            mb &= mb - 1;
        }
        return Winkler(a, b, matches, transpositions);
    }

    private static double Winkler(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int matches, int transpositions)
    {
        double m = matches;
        var jaro = (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix]) prefix++;
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    private static double JaroWinklerLong(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        Span<bool> ma = a.Length <= 128 ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> mb = b.Length <= 128 ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var end = Math.Min(b.Length, i + window + 1);
            for (var j = Math.Max(0, i - window); j < end; j++)
            {
                if (mb[j] || a[i] != b[j]) continue;
                ma[i] = mb[j] = true;
                matches++;
                break;
            }
        }
        if (matches == 0) return 0;
        var transpositions = 0;
        for (int i = 0, k = 0; i < a.Length; i++)
        {
            if (!ma[i]) continue;
            while (!mb[k]) k++;
            if (a[i] != b[k]) transpositions++;
            k++;
        }
        return Winkler(a, b, matches, transpositions);
    }

    /// <summary>American Soundex: a letter and three digits (or up to <paramref name="length"/>); names that sound alike share it.</summary>
    public static string Soundex(string token, int length = 4)
    {
        if (token.Length == 0) return "";
        var size = Math.Max(4, Math.Min(length, token.Length));
        Span<char> code = size <= 128 ? stackalloc char[size] : new char[size];
        var count = 0;
        code[count++] = token[0];
        var last = SoundexDigit(token[0]);
        for (var i = 1; i < token.Length && count < length; i++)
        {
            var d = SoundexDigit(token[i]);
            if (d != '\0' && d != last) code[count++] = d;
            if (token[i] is not ('h' or 'w')) last = d;
        }
        if (length != 4) return new string(code[..count]);
        code[count..].Fill('0');
        return new string(code[..4]);
    }

    private static char SoundexDigit(char c) => c switch
    {
        'b' or 'f' or 'p' or 'v' => '1',
        'c' or 'g' or 'j' or 'k' or 'q' or 's' or 'x' or 'z' => '2',
        'd' or 't' => '3',
        'l' => '4',
        'm' or 'n' => '5',
        'r' => '6',
        _ => '\0',
    };

    private static string StripCjkLegalForms(string name)
    {
        foreach (var form in CjkLegalForms) name = name.Replace(form, " ", StringComparison.Ordinal);
        return name;
    }

    // Longest first, so "股份有限公司" goes before "有限公司".
    private static readonly string[] CjkLegalForms = ["股份有限公司", "有限责任公司", "有限公司", "株式会社", "有限會社", "公司"];

    // Legal forms spelled out, folded; removed before tokens are compared (OpenSanctions folds them the same way).
    private static readonly string[] LegalPhrases =
    [
        "gesellschaft mit beschrankter haftung", "aktiengesellschaft", "societe anonyme", "sociedad anonima", "sa de cv",
        "s de rl de cv", "societatea cu raspundere limitata", "societa a responsabilita limitata", "aktsionernoe obshchestvo",
        "obshchestvo s ogranichennoi otvetstvennostyu", "open joint stock company", "closed joint stock company",
        "public joint stock company", "joint stock company", "limited liability company", "limited liability partnership",
        "public limited company", "private limited", "sp z oo", "sdn bhd",
    ];

    // Declared after LegalPhrases, which it is built from.
    private static readonly string[] PaddedLegalPhrases = [.. LegalPhrases.Select(p => " " + p + " ")];

    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "ltd", "limited", "llc", "inc", "incorporated", "co", "company", "corp", "corporation", "gmbh", "ag", "kg", "sa", "sas",
        "sarl", "srl", "spa", "bv", "nv", "plc", "jsc", "ojsc", "cjsc", "pjsc", "ao", "oao", "zao", "pao", "ooo", "llp", "lp",
        "pte", "pty", "pvt", "bhd", "berhad", "kk", "oy", "oyj", "ab", "aps", "doo", "sro", "kft", "zrt", "tbk", "lda", "ltda",
    };

    // Business abbreviations spelled out, so "Mfg" pairs with "Manufacturing".
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["mfg"] = "manufacturing", ["mfr"] = "manufacturer", ["intl"] = "international", ["natl"] = "national",
        ["tech"] = "technology", ["grp"] = "group", ["bros"] = "brothers", ["assn"] = "association", ["svcs"] = "services",
        ["dept"] = "department", ["ind"] = "industrial", ["indus"] = "industry", ["mgmt"] = "management",
    };

    // Words that carry no identity in names of organizations.
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "the", "of", "and" };

    private static string? Cyrillic(char c) => c switch
    {
        'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'ґ' => "g", 'д' => "d", 'е' => "e", 'ё' => "e", 'є' => "ye", 'ж' => "zh",
        'з' => "z", 'и' => "i", 'і' => "i", 'ї' => "yi", 'й' => "i", 'к' => "k", 'л' => "l", 'м' => "m", 'н' => "n", 'о' => "o",
        'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'у' => "u", 'ф' => "f", 'х' => "kh", 'ц' => "ts", 'ч' => "ch", 'ш' => "sh",
        'щ' => "shch", 'ъ' => "", 'ы' => "y", 'ь' => "", 'э' => "e", 'ю' => "yu", 'я' => "ya",
        _ => null,
    };
}
