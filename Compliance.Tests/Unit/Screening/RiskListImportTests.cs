using Compliance.Domain.Screening;

namespace Compliance.Tests.Unit.Screening;

public sealed class RiskListImportTests
{
    [Fact]
    public void Bundled_2022_edition_has_DOLs_467_line_items_and_flag_counts()
    {
        var list = ReferenceData.DolTvpra2022;
        Assert.Equal(467, list.Entries.Count);
        Assert.Equal(10, list.Entries.Count(e => e.Downstream));
        Assert.Equal(414, list.Entries.Count(e => e.ChildLabor));
        Assert.Equal(121, list.Entries.Count(e => e.ForcedLabor));
        Assert.Equal(54, list.Entries.Count(e => e.ForcedChildLabor));
        Assert.Equal(RiskListKind.DolGoods, list.Info.Kind);
        Assert.Equal("2022", list.Info.Edition);
        Assert.Matches("^[0-9a-f]{64}$", list.Info.Sha256);
    }

    [Fact]
    public void Sha256_is_that_of_the_file_bytes()
    {
        using var stream = ReferenceData.Open("dol-tvpra-2022.csv");
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(ReferenceData.PathOf("risk-lists", "dol-tvpra-2022.csv"))));
        Assert.Equal(expected, ReferenceData.DolTvpra2022.Info.Sha256);
    }

    [Fact]
    public void DOL_country_spellings_resolve_to_ISO_codes()
    {
        var countries = ReferenceData.DolTvpra2022.Entries.ToLookup(e => e.CountryAsListed, e => e.Country);
        Assert.Equal("CD", countries["Congo, Democratic Republic of the"].First());
        Assert.Equal("TR", countries["Turkey (Türkiye)"].First());
        Assert.Equal("MM", countries["Burma"].First());
        Assert.Equal("CI", countries["Côte d'Ivoire"].First());
    }

    [Fact]
    public void Downstream_goods_name_their_input_and_its_country()
    {
        var entries = ReferenceData.DolTvpra2022.Entries;
        var modules = entries.Single(e => e.Good == "Solar Modules");
        Assert.Equal(("Polysilicon", "CN"), (modules.InputGood, modules.InputCountry));
        var batteries = entries.Single(e => e.Good == "Lithium-Ion Batteries");
        Assert.Equal(("Cobalt ore (heterogenite)", "CD"), (batteries.InputGood, batteries.InputCountry));
    }

    [Theory]
    [InlineData("2014", 353)]
    [InlineData("2016", 379)]
    [InlineData("2018", 418)]
    [InlineData("2020", 438)]
    [InlineData("2022", 457)]
    public void History_file_yields_each_edition(string edition, int rows) => Assert.Equal(rows, ReferenceData.History(edition).Entries.Count);

    [Fact]
    public void Bad_rows_are_reported_by_row_column_and_rule_and_nothing_is_imported()
    {
        const string file = "good,country,child_labor,forced_labor,forced_child_labor\n" +
                            "Cotton,China,true,true,false\n" +
                            "Cocoa,Atlantis,true,false,false\n" +
                            ",Ghana,true,false,false\n" +
                            "Gold,Peru,maybe,false,false\n" +
                            "Cotton,CN,true,false,false\n";
        var import = RiskListImport.ReadDolGoods(ReferenceData.Csv(file), new RiskListSource("Test", "2022", "test"));
        Assert.False(import.Succeeded);
        Assert.Null(import.List);
        Assert.Contains(new ListRowError(3, "country", "unknown-country", "'Atlantis' is not a country name or ISO code."), import.Errors);
        Assert.Contains(import.Errors, e => e is { Row: 4, Column: "good", Code: "required" });
        Assert.Contains(import.Errors, e => e is { Row: 5, Column: "child_labor", Code: "not-boolean" });
        Assert.Contains(import.Errors, e => e is { Row: 6, Code: "duplicate-entry" });
    }

    [Fact]
    public void Missing_columns_are_named()
    {
        var import = RiskListImport.ReadDolGoods(ReferenceData.Csv("good,country\nCotton,China\n"), new RiskListSource("Test", "2022", "test"));
        Assert.Contains(import.Errors, e => e is { Row: 1, Column: "childlabor", Code: "missing-column" });
    }

    [Fact]
    public void Sweat_and_Toil_country_goods_are_read_for_the_edition_year()
    {
        const string file = "id,assessment_id,year,country_id,country,good_id,good,region_name,child_labor,forced_labor,forced_child_labor\n" +
                            "1,10,2018,5,Uzbekistan,7,Cotton,Europe and Eurasia,False,True,True\n" +
                            "2,11,2020,5,Uzbekistan,7,Cotton,Europe and Eurasia,False,True,False\n";
        var list = RiskListImport.ReadDolGoods(ReferenceData.Csv(file), new RiskListSource("DOL", "2020", "SweatToilAllCountryGoods")).List!;
        var cotton = Assert.Single(list.Entries);
        Assert.Equal(("UZ", false, true, false), (cotton.Country, cotton.ChildLabor, cotton.ForcedLabor, cotton.ForcedChildLabor));
    }

    [Fact]
    public void Better_Trade_Tool_year_ranges_give_the_flags_of_an_edition()
    {
        const string file = "Country,Country_ISOCode,Region,Sector,Good,All_Exploitations,CL,FL,FCL\n" +
                            "Uzbekistan,UZB,Europe and Eurasia,Agriculture,Cotton,\"CL, FL\",2009-2016,2009-2020,2009-2018\n" +
                            "China,CHN,Asia,Manufacturing,Polysilicon,FL,,2022-Present,\n" +
                            "India,IND,Asia,Mining,Mica,CL,2012-Present,,\n";
        var list = RiskListImport.ReadDolGoods(ReferenceData.Csv(file), new RiskListSource("DOL", "2022", "BetterTradeToolCoreData")).List!;
        Assert.Equal(["Polysilicon", "Mica"], list.Entries.Select(e => e.Good));
        Assert.True(list.Entries[0].ForcedLabor);
        Assert.Equal("CN", list.Entries[0].Country);

        var earlier = RiskListImport.ReadDolGoods(ReferenceData.Csv(file), new RiskListSource("DOL", "2018", "BetterTradeToolCoreData")).List!;
        var cotton = earlier.Entries.Single(e => e.Good == "Cotton");
        Assert.Equal((false, true, true), (cotton.ChildLabor, cotton.ForcedLabor, cotton.ForcedChildLabor));
    }

    [Fact]
    public void Better_Trade_Tool_rejects_what_is_not_a_year_range()
    {
        const string file = "Country,Country_ISOCode,Sector,Good,CL,FL,FCL\nChina,CHN,Agriculture,Cotton,since 2009,,\n";
        var import = RiskListImport.ReadDolGoods(ReferenceData.Csv(file), new RiskListSource("DOL", "2022", "BTT"));
        Assert.Contains(import.Errors, e => e is { Row: 2, Column: "CL", Code: "not-year-range" });
    }

    [Fact]
    public void EO_13126_list_is_marked_partial_and_keeps_removed_rows_with_their_status()
    {
        var eo = ReferenceData.Eo13126;
        Assert.True(eo.Info.IsPartial);
        Assert.False(string.IsNullOrWhiteSpace(eo.Info.Notes));
        Assert.Equal(RiskListKind.Eo13126Products, eo.Info.Kind);
        Assert.Equal(35, eo.Entries.Count(e => e.Status == EntryStatus.Listed));
        var uzbekCotton = eo.Entries.Single(e => e is { Good: "Cotton", Country: "UZ" });
        Assert.Equal(EntryStatus.Removed, uzbekCotton.Status);
        Assert.All(eo.Entries, e => Assert.True(e.ForcedChildLabor));
    }

    [Fact]
    public void CBP_entity_names_merge_repeated_entities_and_resolve_trailing_countries()
    {
        var cbp = ReferenceData.CbpEntities;
        var tianjin = cbp.Entries.Single(e => e.Name == "Tianjin Malleable Iron Factory");
        Assert.Contains("Tianjin No. 2 Prison", tianjin.Aliases);
        Assert.Equal("MX", cbp.Entries.Single(e => e.Name == "State Penitentiary").Country);
        Assert.Equal("JP", cbp.Entries.Single(e => e.Name.StartsWith("Imaizumi", StringComparison.Ordinal)).Country);
        Assert.True(cbp.Info.IsPartial);
    }

    [Fact]
    public void Entity_list_in_the_generic_layout_reads_aliases_and_country()
    {
        const string file = "name,aliases,country,source\n\"Xinjiang Example Cotton Co., Ltd.\",XEC; Example Cotton,China,UFLPA 2(d)(2)(B)(i)\n";
        var list = RiskListImport.ReadEntities(ReferenceData.Csv(file), new RiskListSource("Own list", "2026-01", "upload")).List!;
        var entry = Assert.Single(list.Entries);
        Assert.Equal(["XEC", "Example Cotton"], entry.Aliases);
        Assert.Equal("CN", entry.Country);
        Assert.Equal("UFLPA 2(d)(2)(B)(i)", entry.Source);
    }

    [Fact]
    public void Latin1_files_are_read_when_the_bytes_are_not_UTF8()
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes("name,country\nCafé Ñandú S.A.,Perú\n");
        var list = RiskListImport.ReadEntities(new MemoryStream(bytes), new RiskListSource("CBP", "2026", "cbp.gov")).List!;
        Assert.Equal("Café Ñandú S.A.", list.Entries.Single().Name);
    }
}
