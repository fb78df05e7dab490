using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Suppliers;

public static class GetSupplier
{
    public static async Task<Outcome<SupplierResponse>> HandleAsync(Guid id, ComplianceDbContext db, CancellationToken ct)
    {
        var supplier = await db.Suppliers.AsNoTracking().Include(s => s.Products).FirstOrDefaultAsync(s => s.Id == id, ct);
        return supplier is null ? Outcome<SupplierResponse>.NotFound() : SupplierResponse.From(supplier);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/suppliers/{id:guid}", async (Guid id, ComplianceDbContext db, CancellationToken ct) =>
                (await HandleAsync(id, db, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Read)
            .WithTags("Suppliers").WithName("GetSupplier");
}
