using Compliance.Domain.Common;

namespace Compliance.Domain.Suppliers;

public enum SupplierStatus
{
    Active,
    Onboarding,
    Suspended,
    Inactive,
}

/// <summary>A supplier of the organization, at any tier. Tier 1 = direct supplier.</summary>
public sealed class Supplier : ITenantOwned
{
    public Guid Id { get; set; } = TimeOrderedIds.New();
    public Guid OrganizationId { get; set; }
    /// <summary>The organization's own key for the supplier (ERP vendor number); unique per organization.</summary>
    public required string ExternalReference { get; set; }
    public required string Name { get; set; }
    public List<string> AlternateNames { get; set; } = [];
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Country { get; set; }
    public string? Address { get; set; }
    public int Tier { get; set; } = 1;
    /// <summary>The supplier this one supplies, for tier 2 and beyond.</summary>
    public Guid? ParentId { get; set; }
    public SupplierStatus Status { get; set; } = SupplierStatus.Active;

    // Identifiers
    public string? Lei { get; set; }
    public string? Duns { get; set; }
    /// <summary>China's Unified Social Credit Code (18 characters).</summary>
    public string? Uscc { get; set; }
    public string? OpenSupplyHubId { get; set; }

    public List<SupplierProduct> Products { get; set; } = [];

    /// <summary>The import that created this supplier, and the row of its file (both null when added by hand or through the API).</summary>
    public Guid? ImportId { get; set; }
    public int? ImportRow { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Copies checked details onto the supplier, keeping products that did not change.</summary>
    public void Apply(SupplierDetails details)
    {
        ExternalReference = details.ExternalReference.Trim();
        Name = details.Name.Trim();
        // Most rows of an import have no alternate names and no products: those skip the matching below and the garbage it
        // makes (~0.5 KB a row, 0.5 GB for a million-row import).
        if (details.AlternateNames is { Count: > 0 } names) AlternateNames = [.. names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct()];
        else if (AlternateNames.Count > 0) AlternateNames = [];
        Country = details.Country.Trim().ToUpperInvariant();
        Address = Blank(details.Address);
        Tier = details.Tier ?? 1;
        Status = details.Status ?? Status;
        Lei = Blank(details.Identifiers?.Lei)?.ToUpperInvariant();
        Duns = Blank(details.Identifiers?.Duns)?.Replace("-", "", StringComparison.Ordinal);
        Uscc = Blank(details.Identifiers?.Uscc)?.ToUpperInvariant();
        OpenSupplyHubId = Blank(details.Identifiers?.OpenSupplyHubId);

        if (details.Products is not { Count: > 0 } && Products.Count == 0) return;
        var wanted = (details.Products ?? []).Select(p => new SupplierProduct
        {
            Name = p.Name.Trim(),
            HsCode = Blank(p.HsCode)?.Replace(".", "", StringComparison.Ordinal),
            OriginCountry = Blank(p.OriginCountry)?.ToUpperInvariant(),
        }).ToList();
        Products.RemoveAll(existing => !wanted.Any(existing.SameAs));
        Products.AddRange(wanted.Where(w => !Products.Any(w.SameAs)));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Something a supplier sells us, and where it is made.</summary>
public sealed class SupplierProduct : ITenantOwned
{
    public Guid Id { get; set; } = TimeOrderedIds.New();
    public Guid OrganizationId { get; set; }
    public Guid SupplierId { get; set; }
    public required string Name { get; set; }
    /// <summary>Harmonized System code, digits only (2 to 10).</summary>
    public string? HsCode { get; set; }
    /// <summary>ISO 3166-1 alpha-2; when empty the supplier's country applies.</summary>
    public string? OriginCountry { get; set; }

    public bool SameAs(SupplierProduct other) =>
        string.Equals(Name, other.Name, StringComparison.Ordinal) && HsCode == other.HsCode && OriginCountry == other.OriginCountry;
}
