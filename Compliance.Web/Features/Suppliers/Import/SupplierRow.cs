using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Compliance.Domain.Common;
using Compliance.Domain.Suppliers;

namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>A problem with one value of the file, where the user sees it: row, column header, rule.</summary>
public sealed record ImportError(int Row, string Column, string Code, string Message);

/// <summary>A data row read through the mapping and checked by the supplier rules, before any database lookup.</summary>
public sealed record SupplierRow(int Row, string[] Cells, SupplierDetails Details, string? ParentExternalReference, List<ImportError> Errors)
{
    public string ExternalReference => Details.ExternalReference;
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Turns a sheet row into supplier details: country names resolved, lists split, spreadsheet error values caught.</summary>
public static partial class SupplierRows
{
    // What Excel shows (and writes to CSV) for a formula that failed.
    private static readonly HashSet<string> SpreadsheetErrors = new(StringComparer.OrdinalIgnoreCase)
    {
        "#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
    };

    /// <summary>True for what Excel shows for a failed formula (#N/A, #REF!, …): an error, not data.</summary>
    public static bool IsSpreadsheetError(string value) => SpreadsheetErrors.Contains(value);

    public static SupplierRow Read(SheetRow row, ColumnMapping mapping, IReadOnlyList<ProductDetails>? sheetProducts = null)
    {
        var errors = new List<ImportError>();
        string Cell(string field)
        {
            if (mapping.ColumnOf(field) is not { } column || column >= row.Cells.Length) return "";
            var value = Clean(row.Cells[column], field == ImportFields.Address);
            if (SpreadsheetErrors.Contains(value))
            {
                errors.Add(new(row.Number, mapping.HeaderOf(field), "spreadsheet_error",
                    $"Row {row.Number}, column '{mapping.HeaderOf(field)}': '{value}' is a spreadsheet error value, not data. Fix the formula or paste the values, then upload again."));
                return "";
            }
            return value;
        }

        var reference = Cell(ImportFields.ExternalReference);
        var name = Cell(ImportFields.Name);
        var countryText = Cell(ImportFields.Country);
        var country = countryText;
        if (countryText.Length > 0)
        {
            if (CountryNames.TryResolve(countryText, out var alpha2)) country = alpha2;
            else
            {
                errors.Add(new(row.Number, mapping.HeaderOf(ImportFields.Country), "unknown_country",
                    $"Row {row.Number}, column '{mapping.HeaderOf(ImportFields.Country)}': '{Clip(countryText)}' is not a country we know. Use an ISO code (VN, VNM) or an English name (Viet Nam)."));
                country = "";
            }
        }

        int? tier = null;
        var tierText = Cell(ImportFields.Tier);
        if (tierText.Length > 0)
        {
            var digits = tierText.StartsWith("tier", StringComparison.OrdinalIgnoreCase) ? tierText[4..].Trim() : tierText;
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var t)) tier = t;
            else errors.Add(new(row.Number, mapping.HeaderOf(ImportFields.Tier), "invalid_tier",
                $"Row {row.Number}, column '{mapping.HeaderOf(ImportFields.Tier)}': '{Clip(tierText)}' is not a tier; use a whole number, 1 for a direct supplier."));
        }

        var products = new List<ProductDetails>();
        foreach (var item in Split(Cell(ImportFields.Products)))
        {
            var m = ProductPattern().Match(item);
            var origin = m.Groups["origin"].Value.Trim();
            if (origin.Length > 0)
            {
                if (CountryNames.TryResolve(origin, out var code)) origin = code;
                else
                {
                    errors.Add(new(row.Number, mapping.HeaderOf(ImportFields.Products), "unknown_country",
                        $"Row {row.Number}, column '{mapping.HeaderOf(ImportFields.Products)}': the origin '{Clip(origin)}' of '{Clip(m.Groups["name"].Value)}' is not a country we know."));
                    origin = "";
                }
            }
            products.Add(new ProductDetails(m.Groups["name"].Value.Trim(), NullIfEmpty(m.Groups["hs"].Value), NullIfEmpty(origin)));
        }
        if (sheetProducts is not null) products.AddRange(sheetProducts);

        var identifiers = new SupplierIdentifiers(
            NullIfEmpty(Cell(ImportFields.Lei)), NullIfEmpty(Cell(ImportFields.Duns)),
            NullIfEmpty(Cell(ImportFields.Uscc)), NullIfEmpty(Cell(ImportFields.OpenSupplyHubId)));
        var details = new SupplierDetails(reference, name, country, [.. Split(Cell(ImportFields.AlternateNames))],
            NullIfEmpty(Cell(ImportFields.Address)), tier, identifiers, products);

        // The supplier rules of the API, reported at the column they came from; fields already reported are not repeated.
        foreach (var v in SupplierRules.Check(details))
        {
            var field = FieldOf(v.Field);
            var column = mapping.HeaderOf(field);
            if (errors.Any(e => e.Column == column)) continue;
            if (field == ImportFields.Country && countryText.Length > 0) continue;
            var value = mapping.ColumnOf(field) is { } c && c < row.Cells.Length ? row.Cells[c] : "";
            var code = v.Code == "required" ? $"missing_{Snake(field)}" : v.Code;
            errors.Add(new(row.Number, column, code,
                $"Row {row.Number}, column '{column}'" + (value.Length > 0 ? $" ('{Clip(value)}')" : "") + $": {v.Message}"));
        }
        var parent = NullIfEmpty(Cell(ImportFields.ParentExternalReference));
        if (parent is not null && string.Equals(parent, reference, StringComparison.Ordinal))
            errors.Add(new(row.Number, mapping.HeaderOf(ImportFields.ParentExternalReference), "self_parent",
                $"Row {row.Number}, column '{mapping.HeaderOf(ImportFields.ParentExternalReference)}': a supplier cannot be its own parent ('{Clip(parent)}')."));
        return new SupplierRow(row.Number, row.Cells, details with { ExternalReference = reference.Trim() }, parent, errors);
    }

    /// <summary>The external reference of a row as <see cref="Read"/> reads it, without checking the rest.</summary>
    public static string ReferenceOf(SheetRow row, ColumnMapping mapping) =>
        mapping.ColumnOf(ImportFields.ExternalReference) is { } c && c < row.Cells.Length ? Clean(row.Cells[c], false).Trim() : "";

    /// <summary>Rows of a second sheet (reference, product, HS code, origin), grouped by supplier reference.</summary>
    public static Dictionary<string, List<ProductDetails>> ProductsBySupplier(IEnumerable<SheetRow> rows, ColumnMapping mapping)
    {
        var bySupplier = new Dictionary<string, List<ProductDetails>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            string Cell(string field) => mapping.ColumnOf(field) is { } c && c < row.Cells.Length ? Clean(row.Cells[c], false) : "";
            var reference = Cell(ImportFields.ExternalReference);
            var name = Cell(ImportFields.ProductName);
            if (reference.Length == 0 || name.Length == 0) continue;
            var origin = Cell(ImportFields.OriginCountry);
            if (origin.Length > 0 && CountryNames.TryResolve(origin, out var code)) origin = code;
            if (!bySupplier.TryGetValue(reference, out var list)) bySupplier[reference] = list = [];
            list.Add(new ProductDetails(name, NullIfEmpty(Cell(ImportFields.HsCode)), NullIfEmpty(origin)));
        }
        return bySupplier;
    }

    private static string FieldOf(string ruleField)
    {
        var root = ruleField.Split('.', '[')[0];
        return root == "identifiers" ? ruleField.Split('.')[1] : root;
    }

    private static string Snake(string field) => string.Concat(field.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>Line breaks inside a quoted cell are the user's layout, not data: an address keeps them as ", ", other fields as a space.</summary>
    private static string Clean(string value, bool address)
    {
        if (!value.AsSpan().ContainsAny('\r', '\n', '\t') && !value.StartsWith(' ') && !value.EndsWith(' ')) return value;
        var text = new StringBuilder(value.Length);
        foreach (var line in value.Split(["\r\n", "\n", "\r"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (text.Length > 0) text.Append(address ? ", " : " ");
            text.Append(line.Replace('\t', ' '));
        }
        return text.ToString();
    }

    private static string[] Split(string list) =>
        list.Length == 0 ? [] : list.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Clip(string value) => value.Length <= 60 ? value : value[..60] + "…";

    // "Cotton yarn [5205.11] (Uzbekistan)": name, optional HS code in brackets, optional origin country in parentheses.
    [GeneratedRegex(@"^(?<name>.*?)\s*(?:\[(?<hs>[^\]]*)\])?\s*(?:\((?<origin>[^)]*)\))?\s*$")]
    private static partial Regex ProductPattern();
}
