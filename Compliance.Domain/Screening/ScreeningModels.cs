namespace Compliance.Domain.Screening;

/// <summary>A product as the supplier record has it. Countries may be ISO codes or names.</summary>
public sealed record ProductToScreen(string Name, string? HsCode = null, string? OriginCountry = null);

/// <summary>What the screener needs to know about one supplier; the web layer maps its Supplier entity to this.</summary>
public sealed record SupplierToScreen(string Id, string Name, IReadOnlyList<string> AlternateNames, string? Country, IReadOnlyList<ProductToScreen> Products);

public enum HitKind { Goods, Entity }

/// <summary>
/// One reason to look at a supplier: a product on a goods list, or a name like a listed entity.
/// <see cref="DecisionKey"/> and <see cref="EntryFingerprint"/> let a reviewer's decision survive re-screening (see <see cref="ReviewDecisions"/>).
/// </summary>
/// <param name="MatchedOn">The supplier field that matched: "name", "alternateNames[0]", "products[2].name", "products[2].hsCode".</param>
/// <param name="Rule">The matching rule: GoodName, Synonym, HsCode (see <see cref="GoodsRule"/>), DownstreamInput, ExactName or NameSimilarity.</param>
/// <param name="Score">Confidence 0..1: 1 for a listed name, 0.9 synonym or downstream input, 0.8 HS code; for entities the name similarity.</param>
/// <param name="Country">ISO alpha-2 of the country matched (goods: the product's origin, else the supplier's; entities: the entry's).</param>
/// <param name="EntryKey">Identity of the list entry across editions (list name, good and country, or entity name).</param>
/// <param name="EntryFingerprint">SHA-256 of what the entry says; changes when the list changes the entry.</param>
public sealed record ScreeningHit(
    string SupplierId,
    HitKind Kind,
    RiskListKind ListKind,
    string List,
    string Edition,
    string? Good,
    string? EntityName,
    string? Country,
    bool ChildLabor,
    bool ForcedLabor,
    bool ForcedChildLabor,
    bool Downstream,
    double Score,
    string MatchedOn,
    string MatchedText,
    string Rule,
    string Explanation,
    string EntryKey,
    string EntryFingerprint)
{
    /// <summary>Which supplier, which field value, which entry: the same question asked again on a re-screen.</summary>
    public string DecisionKey => Fingerprints.Of(SupplierId, MatchedOn, MatchedText.Trim().ToLowerInvariant(), EntryKey);
}

/// <summary>The outcome for one supplier: its hits, and what data was missing so that a clean result is not read as low risk.</summary>
public sealed record ScreeningResult(string SupplierId, IReadOnlyList<ScreeningHit> Hits, DataCoverage Coverage);

/// <summary>How much of what screening needs the supplier record gave; <see cref="Gaps"/> names each missing piece.</summary>
public sealed record DataCoverage(double Share, IReadOnlyList<string> Gaps)
{
    public CoverageLevel Level => Share switch { >= 0.999 => CoverageLevel.Complete, >= 0.5 => CoverageLevel.Partial, _ => CoverageLevel.Poor };
}

public enum CoverageLevel { Poor, Partial, Complete }

/// <summary>Settings the web layer reads from configuration section <see cref="Section"/>.</summary>
public sealed record ScreeningOptions
{
    public const string Section = "Screening";

    /// <summary>F1 0.81 on the OpenSanctions name-pairs dev split (P 0.83, R 0.79); see NameMatchingQualityTests.</summary>
    public const double DefaultNameThreshold = 0.80;

    /// <summary>Name similarity (0..1) at or above which a supplier name is a hit for a listed entity.</summary>
    public double NameThreshold { get; init; } = DefaultNameThreshold;

    /// <summary>Compare every supplier name with every entity name instead of using the index; to check the index's recall.</summary>
    public bool Exhaustive { get; init; }

    /// <summary>Score every candidate in full instead of dropping it once its score's upper bound is below the threshold; for tests.</summary>
    internal bool Unbounded { get; init; }
}
