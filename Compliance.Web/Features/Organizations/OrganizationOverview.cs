using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Organizations;

/// <summary>GET /api/v1/overview: the key figures of the organization's supplier base, as on the overview page.</summary>
public static class OrganizationOverview
{
    public sealed record CountryCount(string Country, string CountryName, int Count);

    public sealed record Figures(int Suppliers, int DirectSuppliers, int Countries, int Products, IReadOnlyList<CountryCount> ByCountry);

    public static async Task<Figures> HandleAsync(ComplianceDbContext db, CancellationToken ct)
    {
        var byCountry = await db.Suppliers.AsNoTracking().GroupBy(s => s.Country)
            .Select(g => new { Country = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var direct = await db.Suppliers.CountAsync(s => s.Tier == 1, ct);
        var products = await db.SupplierProducts.CountAsync(ct);
        return new Figures(
            byCountry.Sum(c => c.Count), direct, byCountry.Count, products,
            [.. byCountry.OrderByDescending(c => c.Count).ThenBy(c => c.Country, StringComparer.Ordinal).Take(12)
                .Select(c => new CountryCount(c.Country, Domain.Common.Countries.NameOf(c.Country), c.Count))]);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/overview", async (ComplianceDbContext db, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, ct)))
            .RequireAuthorization(Policies.Read)
            .WithTags("Organizations").WithName("GetOverview");
}
