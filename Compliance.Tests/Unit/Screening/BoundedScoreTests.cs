using Compliance.Domain.Screening;

namespace Compliance.Tests.Unit.Screening;

/// <summary>
/// Screening drops a candidate once an upper bound of its score is below the threshold (NameMatching.ScoreAtLeast). The
/// bound must be a true one: the hits and their scores are those of the full score.
/// </summary>
public sealed class BoundedScoreTests
{
    private static readonly double[] Thresholds = [0.5, 0.7, ScreeningOptions.DefaultNameThreshold, 0.85, 0.9, 0.95];

    [Fact]
    public void Bounded_score_equals_the_full_score_at_or_above_the_threshold_on_the_dev_pairs_and_a_random_sample()
    {
        var pairs = DevPairs().Concat(RandomPairs(new Random(4), 20_000)).ToList();
        var rarity = new TokenRarity([.. pairs.SelectMany(p => new[] { p.A, p.B }).Select(NameMatching.Prepare)]);
        var above = 0;
        foreach (var (a, b) in pairs)
        {
            foreach (var (x, y) in new[] { (NameMatching.Prepare(a), NameMatching.Prepare(b)), (NameMatching.Prepare(a, rarity), NameMatching.Prepare(b, rarity)) })
            {
                var full = NameMatching.Score(x, y);
                foreach (var threshold in Thresholds)
                {
                    var bounded = NameMatching.ScoreAtLeast(x, y, threshold);
                    if (full >= threshold)
                    {
                        above++;
                        Assert.True(full == bounded, $"\"{a}\" / \"{b}\" at {threshold}: full {full:R}, bounded {bounded:R}");
                    }
                    else Assert.True(bounded < threshold, $"\"{a}\" / \"{b}\" at {threshold}: full {full:R} below, bounded {bounded:R} not");
                }
            }
        }
        // Not vacuous: many pairs are at or above the thresholds, the default one included.
        Assert.True(above > 20_000, $"{above} scores at or above a threshold");
    }

    [Fact]
    public void Similarity_bounds_are_never_below_the_similarities()
    {
        var random = new Random(5);
        var tokens = DevPairs().Concat(RandomPairs(random, 2_000)).SelectMany(p => new[] { p.A, p.B })
            .Select(NameMatching.Prepare).Where(n => !n.IsEmpty).ToList();
        var checkedPairs = 0;
        for (var k = 0; k < 200_000; k++)
        {
            var (a, b) = (tokens[random.Next(tokens.Count)], tokens[random.Next(tokens.Count)]);
            // Half the pairs compare a name with a variant of itself, so that similar tokens are well represented.
            if (k % 2 == 0) b = NameMatching.Prepare(Variant(random, a.Original));
            if (b.IsEmpty) continue;
            var (i, j) = (random.Next(a.Tokens.Count), random.Next(b.Tokens.Count));
            var similarity = NameMatching.TokenSimilarity(a, i, b, j);
            var bound = NameMatching.SimilarityBound(a.Shapes[i], b.Shapes[j]);
            Assert.True(bound >= similarity - 1e-12, $"{a.Tokens[i]} / {b.Tokens[j]}: similarity {similarity:R}, bound {bound:R}");
            var joined = NameMatching.JaroWinkler(a.Joined, b.Joined);
            var joinedBound = NameMatching.JaroWinklerBound(a.JoinedShape, b.JoinedShape);
            Assert.True(joinedBound >= joined - 1e-12, $"{a.Joined} / {b.Joined}: Jaro-Winkler {joined:R}, bound {joinedBound:R}");
            checkedPairs++;
        }
        Assert.True(checkedPairs > 150_000);
    }

    [Fact]
    public void Screener_finds_the_same_hits_with_the_same_scores_with_and_without_the_bound()
    {
        var random = new Random(6);
        var names = ReferenceData.CbpEntities.Entries.SelectMany(e => e.AllNames).ToList();
        var suppliers = names.Select((n, i) => new SupplierToScreen($"s-{i}", Variant(random, n), [Variant(random, n)], "CN", []))
            .Concat(DevPairs().Select((p, i) => new SupplierToScreen($"d-{i}", p.A, [p.B], null, [])))
            .ToList();
        var lists = new[] { ReferenceData.CbpEntities };
        var full = Hits(new Screener([], lists, new ScreeningOptions { Exhaustive = true, Unbounded = true }), suppliers);
        var bounded = Hits(new Screener([], lists, new ScreeningOptions { Exhaustive = true }), suppliers);
        Assert.True(full.Count > names.Count, $"{full.Count} hits");
        Assert.Equal(full, bounded);
        // The index with the bound: a subset of the exhaustive hits, with the same scores.
        Assert.Subset(full.ToHashSet(), Hits(new Screener([], lists), suppliers).ToHashSet());
    }

    private static List<(string, string, string, double)> Hits(Screener screener, IReadOnlyList<SupplierToScreen> suppliers) =>
        [.. screener.ScreenAll(suppliers).SelectMany(r => r.Hits).Select(h => (h.SupplierId, h.EntryKey, h.MatchedOn, h.Score))];

    private static IEnumerable<(string A, string B)> DevPairs() =>
        File.ReadLines(ReferenceData.PathOf("name-matching", "name-pairs-dev.csv")).Skip(1)
            .Select(line => CsvRows.Read(new StringReader(line)).Single().Fields)
            .Select(f => (f[2], f[3]));

    // Each dev name against a variant of itself (typos, a word dropped or joined, words swapped, a legal form), and against a random other name.
    private static IEnumerable<(string A, string B)> RandomPairs(Random random, int count)
    {
        var names = DevPairs().SelectMany(p => new[] { p.A, p.B }).Concat(ReferenceData.CbpEntities.Entries.SelectMany(e => e.AllNames)).ToList();
        for (var k = 0; k < count; k++)
        {
            var name = names[random.Next(names.Count)];
            yield return k % 3 == 0 ? (name, names[random.Next(names.Count)]) : (name, Variant(random, name));
        }
    }

    private static readonly string[] LegalForms = ["Co., Ltd.", "LLC", "GmbH", "Limited", "S.A.", "Industrial", "Group"];

    private static string Variant(Random random, string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        for (var edits = random.Next(1, 4); edits > 0 && words.Count > 0; edits--)
        {
            var w = random.Next(words.Count);
            var word = words[w];
            switch (random.Next(8))
            {
                case 0 when word.Length > 2: words[w] = word.Remove(random.Next(word.Length), 1); break;
                case 1: words[w] = word.Insert(random.Next(word.Length + 1), ((char)('a' + random.Next(26))).ToString()); break;
                case 2 when word.Length > 3:
                    var at = random.Next(word.Length - 1);
                    words[w] = string.Concat(word.AsSpan(0, at), word.AsSpan(at + 1, 1), word.AsSpan(at, 1), word.AsSpan(at + 2));
                    break;
                case 3 when words.Count > 1: words.RemoveAt(w); break;
                case 4 when w + 1 < words.Count: words[w] = word + words[w + 1]; words.RemoveAt(w + 1); break;
                case 5 when w + 1 < words.Count: (words[w], words[w + 1]) = (words[w + 1], word); break;
                case 6: words.Add(LegalForms[random.Next(LegalForms.Length)]); break;
                default: words[w] = word[..1]; break;
            }
        }
        return string.Join(' ', words);
    }
}
