using Compliance.Domain.Screening;

namespace Compliance.Tests.Unit.Screening;

public sealed class GoodsScreeningTests
{
    private static readonly Screener Dol = new([ReferenceData.DolTvpra2022], []);

    private static List<ScreeningHit> Hits(params ProductToScreen[] products) => [.. Dol.Screen(A.Supplier(null, products)).Hits];

    private static ScreeningHit Single(string good, params ProductToScreen[] products) => Assert.Single(Hits(products), h => h.Good == good);

    [Fact]
    public void Cotton_from_China_is_listed_for_child_labor_and_forced_labor()
    {
        var hit = Single("Cotton", A.Product("Cotton", "China"));
        Assert.True(hit.ChildLabor);
        Assert.True(hit.ForcedLabor);
        Assert.Equal(("DOL TVPRA List of Goods", "2022", "CN", HitKind.Goods), (hit.List, hit.Edition, hit.Country, hit.Kind));
    }

    [Fact]
    public void Cocoa_from_Cote_dIvoire_is_listed_for_all_three()
    {
        var hit = Single("Cocoa", A.Product("Cocoa", "Côte d'Ivoire"));
        Assert.Equal((true, true, true), (hit.ChildLabor, hit.ForcedLabor, hit.ForcedChildLabor));
    }

    [Fact]
    public void Electronics_from_Malaysia_are_listed_for_forced_labor_only()
    {
        var hit = Single("Electronics", A.Product("Electronics", "MY"));
        Assert.Equal((false, true, false), (hit.ChildLabor, hit.ForcedLabor, hit.ForcedChildLabor));
    }

    [Fact]
    public void Cotton_from_Uzbekistan_is_not_on_the_2022_edition() => Assert.Empty(Hits(A.Product("Cotton", "Uzbekistan")));

    [Fact]
    public void Cotton_from_Uzbekistan_was_on_the_2020_edition()
    {
        var screener = new Screener([ReferenceData.History("2020")], []);
        var hit = Assert.Single(screener.Screen(A.Supplier(null, A.Product("Cotton", "UZ"))).Hits);
        Assert.Equal(("2020", true), (hit.Edition, hit.ForcedLabor));
    }

    [Fact]
    public void Bricks_from_Pakistan_are_listed_for_all_three()
    {
        var hit = Single("Bricks", A.Product("Bricks", "Pakistan"));
        Assert.Equal((true, true, true), (hit.ChildLabor, hit.ForcedLabor, hit.ForcedChildLabor));
    }

    [Theory]
    [InlineData("Cotton", "Australia")]
    [InlineData("Office chairs", "China")]
    [InlineData("Cocoa", "Belgium")]
    [InlineData("Bananas", "Costa Rica")]
    public void Goods_from_countries_not_listed_for_them_are_not_hits(string product, string country) => Assert.Empty(Hits(A.Product(product, country)));

    [Theory]
    [InlineData("Raw cotton", "Cotton")]
    [InlineData("cotton yarn", "Cotton")]
    [InlineData("COTTON LINT, bales", "Cotton")]
    public void Cotton_phrasings_are_cotton(string product, string good) => Single(good, A.Product(product, "CN"));

    [Fact]
    public void Cotton_yarn_is_also_thread_and_yarn()
    {
        var goods = Hits(A.Product("Cotton yarn", "India")).Select(h => h.Good).ToList();
        Assert.Contains("Cotton", goods);
        Assert.Contains("Thread/Yarn", goods);
    }

    [Fact]
    public void Cocoa_beans_are_cocoa_and_not_beans()
    {
        var goods = Hits(A.Product("Cocoa beans", "Ghana")).Select(h => h.Good).ToList();
        Assert.Equal(["Cocoa"], goods);
    }

    [Theory]
    [InlineData("T-shirts")]
    [InlineData("Men's apparel")]
    [InlineData("knitted sweaters")]
    public void Apparel_phrasings_are_garments(string product)
    {
        var hit = Single("Garments", A.Product(product, "Bangladesh"));
        Assert.Equal(nameof(GoodsRule.Synonym), hit.Rule);
        Assert.Contains("trade name", hit.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Solar_panels_from_China_are_downstream_solar_modules_and_carry_the_polysilicon_input()
    {
        var hits = Hits(A.Product("Solar panels 400W", "China"));
        var modules = Assert.Single(hits, h => h.Good == "Solar Modules");
        Assert.True(modules.Downstream);
        Assert.True(modules.ForcedLabor);
        Assert.Contains("Polysilicon", modules.Explanation, StringComparison.Ordinal);
        var input = Assert.Single(hits, h => h.Good == "Polysilicon");
        Assert.Equal(nameof(ScreeningHit.Downstream) + "Input", input.Rule);
        Assert.True(input.ForcedLabor);
    }

    [Fact]
    public void Polysilicon_itself_matches_the_listed_input() => Assert.True(Single("Polysilicon", A.Product("Polysilicon", "CN")).ForcedLabor);

    [Fact]
    public void Hs_code_matches_when_the_name_says_nothing()
    {
        var hit = Single("Cotton", A.Product("Article 4471-B", "China", "5201.00"));
        Assert.Equal(("products[0].hsCode", nameof(GoodsRule.HsCode)), (hit.MatchedOn, hit.Rule));
        Assert.Contains("HS 5201", hit.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Hs_chapter_61_is_garments() => Single("Garments", A.Product("Style 22-A", "India", "6109.10"));

    [Fact]
    public void Supplier_country_is_used_when_the_product_has_no_origin()
    {
        var result = Dol.Screen(A.Supplier("Côte d'Ivoire", A.Product("Cocoa beans")));
        var hit = Assert.Single(result.Hits);
        Assert.Equal("CI", hit.Country);
        Assert.Contains("supplier's country", hit.Explanation, StringComparison.Ordinal);
        Assert.Contains(result.Coverage.Gaps, g => g.Contains("no country of origin", StringComparison.Ordinal));
    }

    [Fact]
    public void Product_origin_wins_over_the_supplier_country() =>
        Assert.Empty(Dol.Screen(A.Supplier("China", A.Product("Cotton", "Australia"))).Hits);

    [Fact]
    public void Explanation_names_field_rule_list_edition_and_flags()
    {
        var hit = Single("Cotton", A.Product("Raw cotton", "China"));
        Assert.Equal("products[0].name", hit.MatchedOn);
        Assert.Equal(
            "products[0].name \"Raw cotton\" is Cotton by the listed name \"cotton\"; Cotton from China (the product's country of origin) is on the " +
            "DOL TVPRA List of Goods, 2022 edition for child labor, forced labor and forced child labor.",
            hit.Explanation);
    }

    [Fact]
    public void EO_13126_hits_say_the_list_is_partial_and_an_alert_for_procurement()
    {
        var screener = new Screener([ReferenceData.DolTvpra2022, ReferenceData.Eo13126], []);
        var hits = screener.Screen(A.Supplier(null, A.Product("Bricks", "Pakistan"))).Hits;
        var eo = Assert.Single(hits, h => h.ListKind == RiskListKind.Eo13126Products);
        Assert.True(eo.ForcedChildLabor);
        Assert.Contains("partial list", eo.Explanation, StringComparison.Ordinal);
        Assert.Contains("FAR 22.1503", eo.Explanation, StringComparison.Ordinal);
        Assert.Single(hits, h => h.ListKind == RiskListKind.DolGoods);
    }

    [Fact]
    public void Removed_EO_entries_are_not_screened()
    {
        var screener = new Screener([ReferenceData.Eo13126], []);
        Assert.Empty(screener.Screen(A.Supplier(null, A.Product("Cotton", "Uzbekistan"))).Hits);
    }
}
