using System.Text.RegularExpressions;
using Compliance.Domain.Common;

namespace Compliance.Domain.Suppliers;

/// <summary>The rules a supplier record must meet. Field names are the API's (camelCase) so errors point at the input.</summary>
public static partial class SupplierRules
{
    public const int ExternalReferenceMax = 100;
    public const int NameMax = 300;
    public const int AddressMax = 500;
    public const int AlternateNamesMax = 20;
    public const int ProductsMax = 500;
    public const int ProductNameMax = 200;
    public const int TierMax = 10;

    public static RuleViolations Check(SupplierDetails s)
    {
        var errors = new RuleViolations();
        Text(errors, "externalReference", s.ExternalReference, ExternalReferenceMax, required: true);
        Text(errors, "name", s.Name, NameMax, required: true);
        Country(errors, "country", s.Country, required: true);
        Text(errors, "address", s.Address, AddressMax, required: false);

        var alternates = s.AlternateNames ?? [];
        if (alternates.Count > AlternateNamesMax)
            errors.Add("alternateNames", "too_many", $"At most {AlternateNamesMax} alternate names; got {alternates.Count}.");
        else
            for (var i = 0; i < alternates.Count; i++) Text(errors, $"alternateNames[{i}]", alternates[i], NameMax, required: true);

        if (s.Tier is < 1 or > TierMax)
            errors.Add("tier", "out_of_range", $"Tier must be between 1 (direct supplier) and {TierMax}; got {s.Tier}.");

        if (s.Identifiers is { } ids)
        {
            if (!string.IsNullOrWhiteSpace(ids.Lei) && !Identifiers.IsValidLei(ids.Lei))
                errors.Add("identifiers.lei", "invalid_lei", $"'{Clip(ids.Lei)}' is not a valid LEI: 20 letters or digits with ISO 17442 check digits.");
            if (!string.IsNullOrWhiteSpace(ids.Duns) && !Identifiers.IsValidDuns(ids.Duns))
                errors.Add("identifiers.duns", "invalid_duns", $"'{Clip(ids.Duns)}' is not a valid DUNS number: 9 digits.");
            if (!string.IsNullOrWhiteSpace(ids.Uscc) && !Identifiers.IsValidUscc(ids.Uscc))
                errors.Add("identifiers.uscc", "invalid_uscc", $"'{Clip(ids.Uscc)}' is not a valid Unified Social Credit Code: 18 characters with a GB 32100 check character.");
            Text(errors, "identifiers.openSupplyHubId", ids.OpenSupplyHubId, 40, required: false);
        }

        var products = s.Products ?? [];
        if (products.Count > ProductsMax)
            errors.Add("products", "too_many", $"At most {ProductsMax} products per supplier; got {products.Count}.");
        else
            for (var i = 0; i < products.Count; i++)
            {
                var p = products[i];
                if (p is null) { errors.Add($"products[{i}]", "required", "A product must not be null."); continue; }
                Text(errors, $"products[{i}].name", p.Name, ProductNameMax, required: true);
                if (!string.IsNullOrWhiteSpace(p.HsCode) && !HsCodePattern().IsMatch(p.HsCode.Trim()))
                    errors.Add($"products[{i}].hsCode", "invalid_hs_code", $"'{Clip(p.HsCode)}' is not an HS code: 2 to 10 digits, dots allowed.");
                Country(errors, $"products[{i}].originCountry", p.OriginCountry, required: false);
            }
        return errors;
    }

    private static void Text(RuleViolations errors, string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(field, "required", $"'{field}' is required.");
            return;
        }
        if (value.Length > max)
            errors.Add(field, "too_long", $"'{field}' is {value.Length:N0} characters; the limit is {max}.");
        else if (value.Any(char.IsControl))
            errors.Add(field, "control_characters", $"'{field}' contains control characters (such as line breaks or tabs).");
    }

    private static void Country(RuleViolations errors, string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(field, "required", $"'{field}' is required (ISO 3166-1 alpha-2 code, e.g. CN).");
            return;
        }
        if (!Countries.IsKnownAlpha2(value.Trim()))
            errors.Add(field, "unknown_country", $"'{Clip(value)}' is not an ISO 3166-1 alpha-2 country code (e.g. CN, VN, TR).");
    }

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"^\d{2}(\.?\d{2}){0,4}$")]
    private static partial Regex HsCodePattern();
}
