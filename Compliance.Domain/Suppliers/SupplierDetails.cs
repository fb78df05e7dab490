namespace Compliance.Domain.Suppliers;

/// <summary>What a user submits to create or change a supplier, before it is checked.</summary>
public sealed record SupplierDetails(
    string ExternalReference,
    string Name,
    string Country,
    IReadOnlyList<string>? AlternateNames = null,
    string? Address = null,
    int? Tier = null,
    SupplierIdentifiers? Identifiers = null,
    IReadOnlyList<ProductDetails>? Products = null,
    SupplierStatus? Status = null);

public sealed record SupplierIdentifiers(string? Lei = null, string? Duns = null, string? Uscc = null, string? OpenSupplyHubId = null);

public sealed record ProductDetails(string Name, string? HsCode = null, string? OriginCountry = null);
