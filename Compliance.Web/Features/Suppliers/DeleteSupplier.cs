using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Suppliers;

public static class DeleteSupplier
{
    public sealed record Deleted(Guid Id, string ExternalReference, string Name);

    public static async Task<Outcome<Deleted>> HandleAsync(Guid id, ComplianceDbContext db, CancellationToken ct)
    {
        // Products are loaded so that their deletion is in the audit trail too.
        var supplier = await db.Suppliers.Include(s => s.Products).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (supplier is null) return Outcome<Deleted>.NotFound();
        // Audits are the record of what was found at the supplier: they outlive neither silently nor by cascade.
        if (await db.Audits.AnyAsync(a => a.SupplierId == id, ct))
            return Outcome<Deleted>.Conflict("id", "supplier_has_audits", "The supplier has audits on record and cannot be deleted; set its status to Inactive instead.");
        await foreach (var child in db.Suppliers.Where(s => s.ParentId == id).AsAsyncEnumerable().WithCancellation(ct))
            child.ParentId = null;
        db.Suppliers.Remove(supplier);
        await db.SaveChangesAsync(ct);
        return new Deleted(supplier.Id, supplier.ExternalReference, supplier.Name);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapDelete("/suppliers/{id:guid}", async (Guid id, ComplianceDbContext db, CancellationToken ct) =>
                (await HandleAsync(id, db, ct)).ToHttp(_ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.Write)
            .WithTags("Suppliers").WithName("DeleteSupplier");
}
