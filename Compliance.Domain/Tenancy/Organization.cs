using System.Globalization;
using System.Text;

namespace Compliance.Domain.Tenancy;

[Flags]
public enum OrganizationKinds
{
    Company = 1,
    FederalContractor = 2,
}

/// <summary>A tenant: a company or federal contractor doing due diligence on its supply chain.</summary>
public sealed class Organization
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    /// <summary>Used in public URLs (grievance intake, published disclosures).</summary>
    public required string Slug { get; set; }
    public OrganizationKinds Kinds { get; set; } = OrganizationKinds.Company;

    // Cal. Civ. Code 1714.43(a)(1): retail seller or manufacturer, doing business in California,
    // annual worldwide gross receipts over $100,000,000.
    public bool IsRetailSellerOrManufacturer { get; set; }
    public bool DoesBusinessInCalifornia { get; set; }
    public decimal? AnnualWorldwideGrossReceiptsUsd { get; set; }

    /// <summary>Month (1-12) in which the fiscal year starts.</summary>
    public int FiscalYearStartMonth { get; set; } = 1;
    public DateTime CreatedAt { get; set; }

    public static string SlugFrom(string name)
    {
        var normalized = name.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder();
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var result = slug.ToString().Trim('-');
        if (result.Length > 60) result = result[..60].TrimEnd('-');
        return result.Length == 0 ? "org" : result;
    }
}
