using Compliance.Web.Features.AuditTrail;
using Compliance.Web.Features.Suppliers;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Pages.Suppliers;

public sealed class DetailsModel(ComplianceDbContext db, Infrastructure.Screening.ScreeningLists screening, TimeProvider clock) : PageModel
{
    public SupplierResponse Supplier { get; private set; } = null!;
    public string? ParentName { get; private set; }
    public string? SourceFileName { get; private set; }
    public string? SourceRequestedBy { get; private set; }
    public Features.Paged<AuditEvents.Row> History { get; private set; } = null!;
    public Features.Paged<Features.Audits.ListAudits.Row> Audits { get; private set; } = null!;
    public SupplierRiskProfile.Profile Risk { get; private set; } = null!;
    public bool CanWrite => User.IsInRole("Admin") || User.IsInRole("ComplianceOfficer");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await GetSupplier.HandleAsync(id, db, ct);
        if (!outcome.Succeeded) return NotFound();
        Supplier = outcome.Value!;
        if (Supplier.ParentId is { } parentId)
            ParentName = await db.Suppliers.Where(s => s.Id == parentId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        if (Supplier.Source is { } source
            && await db.SupplierImports.Where(i => i.Id == source.ImportId).Select(i => new { i.FileName, i.RequestedBy }).FirstOrDefaultAsync(ct) is { } import)
            (SourceFileName, SourceRequestedBy) = (import.FileName, import.RequestedBy);
        Risk = (await SupplierRiskProfile.HandleAsync(id, db, screening, clock, ct)).Value!;
        Audits = await Features.Audits.ListAudits.HandleAsync(new Features.Audits.ListAudits.Query(id), db, ct);
        History = await AuditEvents.ListAsync(new AuditEvents.Query("Supplier", id.ToString(), PageSize: 20), db, ct);
        return Page();
    }
}
