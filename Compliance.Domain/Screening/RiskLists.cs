using System.Security.Cryptography;
using System.Text;

namespace Compliance.Domain.Screening;

public enum RiskListKind
{
    /// <summary>DOL/ILAB "List of Goods Produced by Child Labor or Forced Labor" (TVPRA, 22 U.S.C. 7112(b)).</summary>
    DolGoods,
    /// <summary>DOL "List of Products Produced by Forced or Indentured Child Labor" (EO 13126; FAR 22.1503).</summary>
    Eo13126Products,
    /// <summary>Named entities: CBP WRO/Findings (19 U.S.C. 1307), UFLPA Entity List, or an organization's own list.</summary>
    Entity,
}

/// <summary>What the importer is told about a file; the SHA-256 comes from the bytes themselves.</summary>
public sealed record RiskListSource(string Name, string Edition, string Source, DateOnly? Published = null, bool IsPartial = false, string? Notes = null);

/// <summary>One immutable edition of a list: where it came from and the SHA-256 of the exact file imported.</summary>
public sealed record RiskListInfo(RiskListKind Kind, string Name, string Edition, string Source, string Sha256, DateOnly? Published, bool IsPartial, string? Notes)
{
    public static RiskListInfo From(RiskListKind kind, RiskListSource source, string sha256) =>
        new(kind, source.Name, source.Edition, source.Source, sha256, source.Published, source.IsPartial, source.Notes);
}

public enum EntryStatus { Listed, Removed, Proposed }

/// <summary>A good (or product) from a country, with the kinds of exploitation the list names for it.</summary>
/// <param name="Country">ISO alpha-2.</param>
/// <param name="CountryAsListed">The list's own spelling ("Congo, Democratic Republic of the").</param>
/// <param name="Downstream">Made with inputs produced by child or forced labour (Frederick Douglass TVPRA of 2018; first listed 2022).</param>
public sealed record GoodsEntry(
    string Good,
    string Country,
    string CountryAsListed,
    bool ChildLabor,
    bool ForcedLabor,
    bool ForcedChildLabor,
    string? Sector = null,
    bool Downstream = false,
    string? InputGood = null,
    string? InputCountry = null,
    EntryStatus Status = EntryStatus.Listed,
    string? StatusNote = null)
{
    /// <summary>Identity across editions: the good (renames folded) and the country.</summary>
    public string Key => $"{GoodNames.Key(Good)}|{Country}";

    /// <summary>Changes when anything a reviewer relied on changes: good, country, flags, downstream input, status.</summary>
    public string Fingerprint => Fingerprints.Of(Key, ChildLabor, ForcedLabor, ForcedChildLabor, Downstream, InputGood ?? "", InputCountry ?? "", Status);
}

public sealed record GoodsList(RiskListInfo Info, IReadOnlyList<GoodsEntry> Entries);

/// <summary>A listed company, facility, region or vessel, with its aliases.</summary>
/// <param name="Country">ISO alpha-2 when known.</param>
public sealed record EntityEntry(string Name, IReadOnlyList<string> Aliases, string? Country = null, string? EntityType = null, string? Source = null, string? Notes = null)
{
    public string Key => $"{NameMatching.Fold(Name)}|{Country}";

    public string Fingerprint => Fingerprints.Of(Key, string.Join('|', Aliases.Select(NameMatching.Fold).Order(StringComparer.Ordinal)), EntityType ?? "", Notes ?? "");

    public IEnumerable<string> AllNames => Aliases.Prepend(Name);
}

public sealed record EntityList(RiskListInfo Info, IReadOnlyList<EntityEntry> Entries);

internal static class Fingerprints
{
    public static string Of(params object[] parts)
    {
        var text = string.Join('\u001f', parts.Select(p => p switch { bool b => b ? "1" : "0", _ => p.ToString() }));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>The lists shipped with the product (files under Compliance.Web/ReferenceData/risk-lists, see PROVENANCE.md).</summary>
public static class BundledRiskLists
{
    public static readonly RiskListSource DolTvpra2022 = new(
        "DOL TVPRA List of Goods", "2022",
        "USDOL Sweat & Toil app data (USDepartmentofLabor/Child-Labor-Android goods_2021.xml); 159 goods, 78 countries, 10 downstream items",
        new DateOnly(2022, 9, 28));

    /// <summary>Editions 2014–2022 in one long file; read with <see cref="RiskListImport.ReadDolGoods"/> once per edition.</summary>
    public static RiskListSource DolTvpraHistory(string edition) => new(
        "DOL TVPRA List of Goods", edition,
        "USDOL Sweat & Toil app data, archived snapshots 2014–2022 (dol-tvpra-history-2014-2022.csv)");

    public static readonly RiskListSource Eo13126Partial = new(
        "EO 13126 List of Products", "2016-10 (partial, updates to 2024-09)",
        "STR list of Oct 2016 (cut off after gold/Burkina Faso) plus single entries from dol.gov list-of-products pages",
        IsPartial: true,
        Notes: "Partial: products alphabetically after \"gold from Burkina Faso\" are missing; DOL counts 33 products from 25 countries (Sept 2024). Do not rely on it for FAR 52.222-18 certification.");

    public static readonly RiskListSource CbpWroFindings = new(
        "CBP Withhold Release Orders and Findings", "2026-06",
        "OpenSanctions us_cbp_forced_labor name lookups (datasets/us/cbp_forced_labor/us_cbp_forced_labor.yml @ ad615eab)",
        IsPartial: true,
        Notes: "Names only: no country, merchandise, WRO/Finding status or dates; some CBP entities may be absent.");
}
