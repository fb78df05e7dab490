using Compliance.Domain.Common;
using Compliance.Domain.Suppliers;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Suppliers;

/// <summary>Create (POST /api/v1/suppliers) and update (PUT /api/v1/suppliers/{id}) share their checks.</summary>
public static class SaveSupplier
{
    public static async Task<Outcome<SupplierResponse>> CreateAsync(SupplierRequest request, ComplianceDbContext db, ScreenSuppliers screening, TimeProvider clock, CancellationToken ct)
    {
        var supplier = new Supplier { ExternalReference = "", Name = "", Country = "" };
        var now = clock.GetUtcNow().UtcDateTime;
        supplier.CreatedAt = now;
        return await ApplyAsync(supplier, request, db, screening, now, isNew: true, ct);
    }

    public static async Task<Outcome<SupplierResponse>> UpdateAsync(Guid id, SupplierRequest request, ComplianceDbContext db, ScreenSuppliers screening, TimeProvider clock, CancellationToken ct)
    {
        var supplier = await db.Suppliers.Include(s => s.Products).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (supplier is null) return Outcome<SupplierResponse>.NotFound();
        return await ApplyAsync(supplier, request, db, screening, clock.GetUtcNow().UtcDateTime, isNew: false, ct);
    }

    private static async Task<Outcome<SupplierResponse>> ApplyAsync(Supplier supplier, SupplierRequest request, ComplianceDbContext db, ScreenSuppliers screening, DateTime now, bool isNew, CancellationToken ct)
    {
        var details = request.ToDetails();
        var errors = SupplierRules.Check(details);
        if (request.ParentId is { } parentId)
        {
            if (parentId == supplier.Id)
                errors.Add("parentId", "self_parent", "A supplier cannot be its own parent.");
            else if (!await db.Suppliers.AnyAsync(s => s.Id == parentId, ct))
                errors.Add("parentId", "parent_not_found", $"No supplier with id {parentId} exists in this organization.");
        }
        if (errors.Count > 0) return Outcome<SupplierResponse>.Invalid(errors);

        var reference = details.ExternalReference.Trim();
        if (await db.Suppliers.AnyAsync(s => s.ExternalReference == reference && s.Id != supplier.Id, ct))
            return Outcome<SupplierResponse>.Conflict("externalReference", "duplicate_external_reference",
                $"Another supplier already has the external reference '{reference}'.");

        supplier.Apply(details);
        supplier.ParentId = request.ParentId;
        supplier.UpdatedAt = now;
        if (isNew) db.Suppliers.Add(supplier);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Lost a race with a concurrent create of the same reference.
            return Outcome<SupplierResponse>.Conflict("externalReference", "duplicate_external_reference",
                $"Another supplier already has the external reference '{reference}'.");
        }
        var response = SupplierResponse.From(supplier);
        await screening.AfterSaveAsync(supplier.Id, ct);
        return response;
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/suppliers", async (SupplierRequest request, ComplianceDbContext db, ScreenSuppliers screening, TimeProvider clock, CancellationToken ct) =>
                (await CreateAsync(request, db, screening, clock, ct)).ToHttp(s => TypedResults.Created($"/api/v1/suppliers/{s.Id}", s)))
            .RequireAuthorization(Policies.Write)
            .WithTags("Suppliers").WithName("CreateSupplier");

        api.MapPut("/suppliers/{id:guid}", async (Guid id, SupplierRequest request, ComplianceDbContext db, ScreenSuppliers screening, TimeProvider clock, CancellationToken ct) =>
                (await UpdateAsync(id, request, db, screening, clock, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Write)
            .WithTags("Suppliers").WithName("UpdateSupplier");
    }
}
