using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Compliance.Domain.Common;

namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>The supplier fields a column can hold, named as in the API.</summary>
public static class ImportFields
{
    public const string ExternalReference = "externalReference";
    public const string Name = "name";
    public const string AlternateNames = "alternateNames";
    public const string Country = "country";
    public const string Address = "address";
    public const string Tier = "tier";
    public const string ParentExternalReference = "parentExternalReference";
    public const string Lei = "lei";
    public const string Duns = "duns";
    public const string Uscc = "uscc";
    public const string OpenSupplyHubId = "openSupplyHubId";
    public const string Products = "products";
    // Columns of a second sheet of supplier-product rows.
    public const string ProductName = "productName";
    public const string HsCode = "hsCode";
    public const string OriginCountry = "originCountry";

    public static readonly string[] Supplier =
        [ExternalReference, Name, AlternateNames, Country, Address, Tier, ParentExternalReference, Lei, Duns, Uscc, OpenSupplyHubId, Products];

    public static readonly string[] Required = [ExternalReference, Name, Country];

    public static readonly string[] ProductSheet = [ExternalReference, ProductName, HsCode, OriginCountry];

    // Header names seen in ERP exports (SAP, Oracle, NetSuite) and spreadsheets, normalized as by Key.
    internal static readonly Dictionary<string, string[]> Synonyms = new()
    {
        [ExternalReference] = ["external reference", "external ref", "reference", "ref", "supplier id", "supplier no", "supplier number", "supplier code",
            "supplier ref", "vendor id", "vendor no", "vendor number", "vendor code", "vendor account", "vendor account number", "lifnr", "kreditor",
            "kreditorennummer", "lieferantennummer", "lieferanten nr", "lieferantennr", "lieferant nr", "lief nr", "erp id", "id", "code", "account number", "supplier account",
            "numero fournisseur", "internal id", "vendor site code"],
        [Name] = ["name", "supplier name", "vendor name", "supplier", "vendor", "lieferant", "lieferantenname", "company", "company name", "legal name",
            "legal entity name", "facility name", "name1", "name 1", "business name", "organisation name", "organization name", "fournisseur",
            "proveedor", "raison sociale", "firma", "firmenname"],
        [AlternateNames] = ["alternate names", "alternative names", "alternate name", "aliases", "alias", "aka", "other names", "dba", "trading name",
            "trade name", "name2", "name 2", "local name"],
        [Country] = ["country", "country region", "country code", "country iso", "iso country", "land", "country of registration", "ctry",
            "pays", "pais", "nation", "supplier country", "vendor country", "country name"],
        [Address] = ["address", "street", "street address", "address line 1", "address 1", "full address", "anschrift", "adresse", "strasse",
            "location", "supplier address"],
        [Tier] = ["tier", "supplier tier", "tier level", "ebene", "level"],
        [ParentExternalReference] = ["parent", "parent reference", "parent external reference", "parent id", "parent supplier", "parent supplier id",
            "parent vendor no", "parent vendor", "parent ref", "parent code", "supplies to", "tier 1 supplier"],
        [Lei] = ["lei", "lei code", "legal entity identifier"],
        [Duns] = ["duns", "duns number", "duns no", "d u n s", "d u n s number", "dnb number"],
        [Uscc] = ["uscc", "unified social credit code", "social credit code", "credit code", "统一社会信用代码"],
        [OpenSupplyHubId] = ["os id", "osh id", "open supply hub id", "open supply id", "oar id"],
        [Products] = ["products", "product", "goods", "commodities", "commodity", "materials", "product categories", "items", "produkte"],
        [ProductName] = ["product name", "product", "good", "item", "material", "commodity", "produkt"],
        [HsCode] = ["hs code", "hs", "hts code", "hts", "tariff code", "customs code", "zolltarifnummer"],
        [OriginCountry] = ["origin country", "country of origin", "origin", "coo", "made in", "ursprungsland"],
    };

    private static readonly Dictionary<string, Dictionary<string, string>> ByKind = new()
    {
        ["supplier"] = Index(Supplier),
        ["product"] = Index(ProductSheet),
    };

    private static Dictionary<string, string> Index(string[] fields)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fields)
            foreach (var synonym in Synonyms[field].Prepend(field).Select(ColumnMapping.Key))
                index.TryAdd(synonym, field);
        return index;
    }

    internal static string? FieldFor(string header, bool productSheet) =>
        ByKind[productSheet ? "product" : "supplier"].GetValueOrDefault(ColumnMapping.Key(header));
}

public enum MappingSource
{
    Automatic,
    Remembered,
    Explicit,
}

/// <summary>Which column holds which field: proposed from header names, remembered per organization, overridable.</summary>
public sealed class ColumnMapping
{
    private readonly Dictionary<string, int> columns;

    private ColumnMapping(IReadOnlyList<string> headers, Dictionary<string, int> columns, MappingSource source)
    {
        Headers = headers;
        this.columns = columns;
        Source = source;
    }

    public IReadOnlyList<string> Headers { get; }
    public MappingSource Source { get; }

    public int? ColumnOf(string field) => columns.TryGetValue(field, out var c) ? c : null;

    public string HeaderOf(string field) => columns.TryGetValue(field, out var c) ? Headers[c] : field;

    /// <summary>field → header, for the API, the UI and storage.</summary>
    public IReadOnlyDictionary<string, string> ToDictionary() =>
        columns.OrderBy(c => c.Value).ToDictionary(c => c.Key, c => Headers[c.Value], StringComparer.Ordinal);

    public string ToJson() => JsonSerializer.Serialize(ToDictionary());

    public IEnumerable<string> Unmapped => Headers.Where((_, i) => !columns.ContainsValue(i) && !string.IsNullOrWhiteSpace(Headers[i]));

    public IEnumerable<string> MissingRequired => ImportFields.Required.Where(f => !columns.ContainsKey(f));

    /// <summary>From header names and their synonyms; the first column wins when two mean the same field.</summary>
    public static ColumnMapping Automatic(IReadOnlyList<string> headers, bool productSheet = false)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
            if (ImportFields.FieldFor(headers[i], productSheet) is { } field) columns.TryAdd(field, i);
        return new ColumnMapping(headers, columns, MappingSource.Automatic);
    }

    /// <summary>A mapping saved as JSON (field → header) applied to these headers; fields whose header is gone are dropped.</summary>
    public static ColumnMapping FromStored(IReadOnlyList<string> headers, string json, MappingSource source)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (field, header) in JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
        {
            var index = IndexOf(headers, header);
            if (index >= 0) columns[field] = index;
        }
        return new ColumnMapping(headers, columns, source);
    }

    /// <summary>
    /// The user's overrides (JSON object field → header name, column letter or 1-based number; null or "" unmaps the field)
    /// on top of <paramref name="basis"/>. Every problem is a violation naming the field.
    /// </summary>
    public static ColumnMapping Override(ColumnMapping basis, string json, RuleViolations errors)
    {
        Dictionary<string, string?>? overrides;
        try
        {
            overrides = JsonSerializer.Deserialize<Dictionary<string, string?>>(json);
        }
        catch (JsonException)
        {
            errors.Add("mapping", "malformed_mapping", "'mapping' must be a JSON object of field → column header, e.g. {\"name\": \"Vendor Name\", \"country\": \"Land\"}.");
            return basis;
        }
        var columns = new Dictionary<string, int>(basis.columns, StringComparer.Ordinal);
        foreach (var (field, header) in overrides ?? [])
        {
            var known = ImportFields.Supplier.FirstOrDefault(f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                errors.Add($"mapping.{field}", "unknown_field", $"'{field}' is not a supplier field. Fields: {string.Join(", ", ImportFields.Supplier)}.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(header))
            {
                columns.Remove(known);
                continue;
            }
            var index = IndexOf(basis.Headers, header);
            if (index < 0)
            {
                errors.Add($"mapping.{known}", "unknown_column", $"The file has no column '{header}'. Its columns: {string.Join(", ", basis.Headers.Select(h => $"'{h}'"))}.");
                continue;
            }
            foreach (var taken in columns.Where(c => c.Value == index && c.Key != known).Select(c => c.Key).ToList()) columns.Remove(taken);
            columns[known] = index;
        }
        // The proposal posted back unchanged (the preview page posts every field) is still the proposal.
        var same = columns.Count == basis.columns.Count && columns.All(c => basis.columns.TryGetValue(c.Key, out var i) && i == c.Value);
        return new ColumnMapping(basis.Headers, columns, same ? basis.Source : MappingSource.Explicit);
    }

    private static int IndexOf(IReadOnlyList<string> headers, string header)
    {
        for (var i = 0; i < headers.Count; i++)
            if (string.Equals(headers[i].Trim(), header.Trim(), StringComparison.OrdinalIgnoreCase)) return i;
        var key = Key(header);
        for (var i = 0; i < headers.Count; i++)
            if (Key(headers[i]) == key) return i;
        if (int.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= headers.Count) return number - 1;
        if (header.Length is 1 or 2 && header.All(char.IsAsciiLetter))
        {
            var letters = header.ToUpperInvariant();
            var column = letters.Aggregate(0, (n, c) => n * 26 + (c - 'A' + 1)) - 1;
            if (column < headers.Count) return column;
        }
        return -1;
    }

    /// <summary>Identifies "files with the same headers" to remember a mapping for.</summary>
    public static string Signature(IReadOnlyList<string> headers) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', headers.Select(Key)))));

    /// <summary>"Vendor No." → "vendor no", "Country/Region" → "country region", "Straße" → "strasse".</summary>
    public static string Key(string header)
    {
        // ASCII needs no decomposition: the common case, and the one a million-row import pays for per row.
        var decomposed = System.Text.Ascii.IsValid(header) ? header.Trim() : header.Trim().Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(ch)) key.Append(char.ToLowerInvariant(ch));
            else if (key.Length > 0 && key[^1] != ' ') key.Append(' ');
        }
        return key.ToString().TrimEnd();
    }
}
