using Compliance.Domain.Suppliers;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Suppliers;

public static class ListSuppliers
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public sealed record Query(string? Search = null, string? Country = null, int Page = 1, int PageSize = DefaultPageSize);

    public sealed record Row(Guid Id, string ExternalReference, string Name, string Country, string CountryName, int Tier, SupplierStatus Status, int ProductCount, DateTime UpdatedAt);

    public static async Task<Paged<Row>> HandleAsync(Query query, ComplianceDbContext db, CancellationToken ct)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var pageNumber = Math.Max(1, query.Page);
        var suppliers = Matching(query, db);
        var total = await suppliers.CountAsync(ct);
        var rows = await suppliers
            .OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Skip((pageNumber - 1) * pageSize).Take(pageSize)
            .Select(s => new { s.Id, s.ExternalReference, s.Name, s.Country, s.Tier, s.Status, ProductCount = s.Products.Count, s.UpdatedAt })
            .ToListAsync(ct);
        return new Paged<Row>(
            [.. rows.Select(r => new Row(r.Id, r.ExternalReference, r.Name, r.Country, Domain.Common.Countries.NameOf(r.Country), r.Tier, r.Status, r.ProductCount, r.UpdatedAt))],
            pageNumber, pageSize, total);
    }

    /// <summary>The suppliers the list's search and country filter select (the list page, its CSV download).</summary>
    public static IQueryable<Supplier> Matching(Query query, ComplianceDbContext db)
    {
        var suppliers = db.Suppliers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // lower() on both sides: LIKE is case-insensitive on SQLite but not on PostgreSQL.
            var term = query.Search.Trim().ToLowerInvariant();
            suppliers = suppliers.Where(s => s.Name.ToLower().Contains(term) || s.ExternalReference.ToLower().Contains(term));
        }
        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            var country = query.Country.Trim().ToUpperInvariant();
            suppliers = suppliers.Where(s => s.Country == country);
        }
        return suppliers;
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/suppliers", async (string? search, string? country, int? page, int? pageSize, ComplianceDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await HandleAsync(new Query(search, country, page ?? 1, pageSize ?? DefaultPageSize), db, ct)))
            .RequireAuthorization(Policies.Read)
            .WithTags("Suppliers").WithName("ListSuppliers");
}
