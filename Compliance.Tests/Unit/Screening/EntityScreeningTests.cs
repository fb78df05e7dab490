using Compliance.Domain.Screening;

namespace Compliance.Tests.Unit.Screening;

public sealed class EntityScreeningTests
{
    private static readonly Screener Cbp = new([], [ReferenceData.CbpEntities]);

    [Fact]
    public void A_supplier_named_like_a_listed_entity_is_a_hit_that_explains_itself()
    {
        var hit = Assert.Single(Cbp.Screen(A.Named("HOSHINE SILICON INDUSTRY CO., LIMITED")).Hits);
        Assert.Equal((HitKind.Entity, "Hoshine Silicon Industry Co. Ltd.", "name"), (hit.Kind, hit.EntityName, hit.MatchedOn));
        Assert.Equal(1, hit.Score);
        Assert.Contains("CBP Withhold Release Orders and Findings, 2026-06 edition (partial list)", hit.Explanation, StringComparison.Ordinal);
        Assert.Contains("19 U.S.C. 1307", hit.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_and_alternate_names_are_screened()
    {
        var hit = Assert.Single(Cbp.Screen(A.Named("Acme Holdings", "Tianjin No. 2 Prison")).Hits);
        Assert.Equal(("Tianjin Malleable Iron Factory", "alternateNames[0]"), (hit.EntityName, hit.MatchedOn));
        Assert.Contains("an alias of", hit.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Unrelated_names_are_not_hits() => Assert.Empty(Cbp.Screen(A.Named("Nordic Office Furniture AB")).Hits);

    [Fact]
    public void Threshold_comes_from_the_options()
    {
        var strict = new Screener([], [ReferenceData.CbpEntities], new ScreeningOptions { NameThreshold = 0.999 });
        Assert.Empty(strict.Screen(A.Named("Hoshine Silicon Industrial")).Hits);
        Assert.NotEmpty(Cbp.Screen(A.Named("Hoshine Silicon Industrial")).Hits);
    }

    [Fact]
    public void Index_finds_what_the_exhaustive_mode_finds()
    {
        var exhaustive = new Screener([], [ReferenceData.CbpEntities], new ScreeningOptions { Exhaustive = true });
        var suppliers = ReferenceData.CbpEntities.Entries
            .SelectMany(e => e.AllNames)
            .Select((n, i) => new SupplierToScreen($"s-{i}", Misspell(n, i), [], "CN", []))
            .ToList();
        var indexed = Cbp.ScreenAll(suppliers).SelectMany(r => r.Hits).Select(h => (h.SupplierId, h.EntryKey)).ToHashSet();
        var all = exhaustive.ScreenAll(suppliers).SelectMany(r => r.Hits).Select(h => (h.SupplierId, h.EntryKey)).ToList();
        Assert.True(all.Count > suppliers.Count / 2, $"{all.Count} hits");
        Assert.All(all, pair => Assert.Contains(pair, indexed));
    }

    // Drops one letter of the longest word, as a typist might.
    private static string Misspell(string name, int seed)
    {
        var words = name.Split(' ');
        var longest = Array.IndexOf(words, words.MaxBy(w => w.Length));
        var word = words[longest];
        if (word.Length > 4) words[longest] = word.Remove(1 + seed % (word.Length - 2), 1);
        return string.Join(' ', words);
    }
}
