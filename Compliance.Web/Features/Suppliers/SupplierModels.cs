using Compliance.Domain.Suppliers;

namespace Compliance.Web.Features.Suppliers;

/// <summary>The body of POST and PUT /api/v1/suppliers. Everything is optional here so that a missing field is a rule violation naming it, not a binding error.</summary>
public sealed record SupplierRequest(
    string? ExternalReference,
    string? Name,
    string? Country,
    List<string>? AlternateNames = null,
    string? Address = null,
    int? Tier = null,
    Guid? ParentId = null,
    SupplierIdentifiers? Identifiers = null,
    List<ProductDetails>? Products = null,
    SupplierStatus? Status = null)
{
    public SupplierDetails ToDetails() =>
        new(ExternalReference ?? "", Name ?? "", Country ?? "", AlternateNames, Address, Tier, Identifiers, Products, Status);
}

public sealed record SupplierResponse(
    Guid Id,
    string ExternalReference,
    string Name,
    IReadOnlyList<string> AlternateNames,
    string Country,
    string CountryName,
    string? Address,
    int Tier,
    Guid? ParentId,
    SupplierStatus Status,
    SupplierIdentifiers Identifiers,
    IReadOnlyList<ProductDetails> Products,
    SupplierSource? Source,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static SupplierResponse From(Supplier s) => new(
        s.Id, s.ExternalReference, s.Name, s.AlternateNames, s.Country, Domain.Common.Countries.NameOf(s.Country), s.Address, s.Tier,
        s.ParentId, s.Status, new SupplierIdentifiers(s.Lei, s.Duns, s.Uscc, s.OpenSupplyHubId),
        [.. s.Products.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new ProductDetails(p.Name, p.HsCode, p.OriginCountry))],
        s.ImportId is { } import ? new SupplierSource(import, s.ImportRow ?? 0) : null,
        s.CreatedAt, s.UpdatedAt);
}

/// <summary>The supplier import that created a supplier, and the row of its file (the row number as the user sees it).</summary>
public sealed record SupplierSource(Guid ImportId, int Row);
