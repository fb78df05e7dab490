using Compliance.Domain.Suppliers;
using Compliance.Web.Features.Suppliers;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Pages.Suppliers;

/// <summary>Create and edit through the same handlers as POST and PUT /api/v1/suppliers.</summary>
public sealed class EditModel(ComplianceDbContext db, ScreenSuppliers screening, TimeProvider clock) : PageModel
{
    private const int BlankProductRows = 3;

    public sealed class ProductRow
    {
        public string? Name { get; set; }
        public string? HsCode { get; set; }
        public string? OriginCountry { get; set; }
    }

    public sealed class IdentifierFields
    {
        public string? Lei { get; set; }
        public string? Duns { get; set; }
        public string? Uscc { get; set; }
        public string? OpenSupplyHubId { get; set; }
    }

    public sealed class SupplierInput
    {
        public string? ExternalReference { get; set; }
        public string? Name { get; set; }
        public string? AlternateNames { get; set; }
        public string? Country { get; set; }
        public string? Address { get; set; }
        public int? Tier { get; set; } = 1;
        public string? ParentReference { get; set; }
        public SupplierStatus Status { get; set; } = SupplierStatus.Active;
        public IdentifierFields Identifiers { get; set; } = new();
        public List<ProductRow> Products { get; set; } = [];
    }

    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public SupplierInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var outcome = await GetSupplier.HandleAsync(id, db, ct);
            if (!outcome.Succeeded) return NotFound();
            var s = outcome.Value!;
            Input = new SupplierInput
            {
                ExternalReference = s.ExternalReference, Name = s.Name, AlternateNames = string.Join("\n", s.AlternateNames),
                Country = s.Country, Address = s.Address, Tier = s.Tier, Status = s.Status,
                ParentReference = s.ParentId is { } parentId ? await db.Suppliers.Where(p => p.Id == parentId).Select(p => p.ExternalReference).FirstOrDefaultAsync(ct) : null,
                Identifiers = new IdentifierFields { Lei = s.Identifiers.Lei, Duns = s.Identifiers.Duns, Uscc = s.Identifiers.Uscc, OpenSupplyHubId = s.Identifiers.OpenSupplyHubId },
                Products = [.. s.Products.Select(p => new ProductRow { Name = p.Name, HsCode = p.HsCode, OriginCountry = p.OriginCountry })],
            };
        }
        PadProducts();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Empty rows are the form's spare rows (or a product the user cleared): not products.
        Input.Products = [.. Input.Products.Where(p => !string.IsNullOrWhiteSpace(p.Name) || !string.IsNullOrWhiteSpace(p.HsCode))];
        Guid? parentId = null;
        if (!string.IsNullOrWhiteSpace(Input.ParentReference))
        {
            var reference = Input.ParentReference.Trim();
            parentId = await db.Suppliers.Where(s => s.ExternalReference == reference).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
            if (parentId is null)
            {
                ModelState.AddModelError("Input.ParentReference", $"No supplier has the external reference '{reference}'.");
                PadProducts();
                return Page();
            }
        }
        var request = new SupplierRequest(
            Input.ExternalReference, Input.Name, Input.Country,
            [.. (Input.AlternateNames ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            Input.Address, Input.Tier, parentId,
            new SupplierIdentifiers(Input.Identifiers.Lei, Input.Identifiers.Duns, Input.Identifiers.Uscc, Input.Identifiers.OpenSupplyHubId),
            [.. Input.Products.Select(p => new ProductDetails(p.Name ?? "", p.HsCode, p.OriginCountry))],
            Input.Status);
        var saved = Id is { } id
            ? await SaveSupplier.UpdateAsync(id, request, db, screening, clock, ct)
            : await SaveSupplier.CreateAsync(request, db, screening, clock, ct);
        if (saved.Failure == Infrastructure.Http.Failure.NotFound) return NotFound();
        if (!saved.Succeeded)
        {
            saved.AddTo(ModelState, nameof(Input));
            PadProducts();
            return Page();
        }
        return Redirect($"/Suppliers/Details/{saved.Value!.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (Id is not { } id) return NotFound();
        var deleted = await DeleteSupplier.HandleAsync(id, db, ct);
        if (deleted.Failure == Infrastructure.Http.Failure.NotFound) return NotFound();
        if (deleted.Succeeded) return Redirect("/Suppliers");
        deleted.AddTo(ModelState, nameof(Input));
        return await OnGetAsync(ct);
    }

    private void PadProducts()
    {
        for (var i = 0; i < BlankProductRows; i++) Input.Products.Add(new ProductRow());
    }
}
