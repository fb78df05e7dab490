using Compliance.Domain.Screening;

namespace Compliance.Tests.Unit.Screening;

/// <summary>The bundled lists as the tests read them (copied next to the test assembly by the project file).</summary>
internal static class ReferenceData
{
    private static readonly Lazy<GoodsList> Dol2022 = new(() => Read(f => RiskListImport.ReadDolGoods(f, BundledRiskLists.DolTvpra2022), "dol-tvpra-2022.csv"));
    private static readonly Lazy<GoodsList> Eo = new(() => Read(f => RiskListImport.ReadEo13126(f, BundledRiskLists.Eo13126Partial), "eo13126-partial.csv"));
    private static readonly Lazy<EntityList> Cbp = new(() => Read(f => RiskListImport.ReadEntities(f, BundledRiskLists.CbpWroFindings), "cbp-wro-findings-entity-names.csv"));

    public static GoodsList DolTvpra2022 => Dol2022.Value;
    public static GoodsList Eo13126 => Eo.Value;
    public static EntityList CbpEntities => Cbp.Value;

    public static GoodsList History(string edition) =>
        Read(f => RiskListImport.ReadDolGoods(f, BundledRiskLists.DolTvpraHistory(edition)), "dol-tvpra-history-2014-2022.csv");

    public static string PathOf(string folder, string file) => Path.Combine(AppContext.BaseDirectory, "Data", folder, file);

    public static Stream Open(string file) => File.OpenRead(PathOf("risk-lists", file));

    public static Stream Csv(string text) => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));

    private static T Read<T>(Func<Stream, ListImport<T>> read, string file) where T : class
    {
        using var stream = Open(file);
        var import = read(stream);
        Assert.True(import.Succeeded, string.Join("; ", import.Errors.Select(e => $"row {e.Row} {e.Column} {e.Code}: {e.Message}")));
        return import.List!;
    }
}

/// <summary>Builds suppliers for screening tests.</summary>
internal static class A
{
    public static SupplierToScreen Supplier(string? country, params ProductToScreen[] products) =>
        new("s-1", "Acme Trading", [], country, products);

    public static SupplierToScreen Named(string name, params string[] alternateNames) =>
        new("s-1", name, alternateNames, "US", [new ProductToScreen("Office chairs", "9401", "US")]);

    public static ProductToScreen Product(string name, string? origin = null, string? hsCode = null) => new(name, hsCode, origin);
}
