using Compliance.Web.Features.Suppliers.Import;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.Suppliers.Import;

/// <summary>Step 3: progress while the job runs (the page polls GET /api/v1/suppliers/imports/{id}), then the summary.</summary>
public sealed class StatusModel(ComplianceDbContext db) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    public GetImport.Summary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await GetImport.HandleAsync(Id, db, ct);
        if (!outcome.Succeeded) return NotFound();
        Summary = outcome.Value!;
        return Page();
    }
}
