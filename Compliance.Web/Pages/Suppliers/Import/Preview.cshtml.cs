using System.Text.Json;
using Compliance.Domain.Suppliers;
using Compliance.Web.Features.Suppliers.Import;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Compliance.Web.Pages.Suppliers.Import;

/// <summary>Step 2: the first rows as mapped; the user changes the mapping (or sheet) and runs the import.</summary>
public sealed class PreviewModel(ComplianceDbContext db, IImportFileStore files, IOptions<ImportLimits> limits, ImportSignal signal, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    /// <summary>field → header; "" leaves the field out.</summary>
    [BindProperty] public Dictionary<string, string?> Mapping { get; set; } = [];
    [BindProperty] public string? Sheet { get; set; }

    public string FileName { get; private set; } = "";
    public PreviewImport.Preview? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var import = await db.SupplierImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == Id, ct);
        if (import is null) return NotFound();
        if (import.Status != ImportStatus.Draft) return RedirectToPage("Status", new { id = Id });
        return await ShowAsync(import, import.Sheet, import.Mapping, ct);
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        var import = await db.SupplierImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == Id, ct);
        if (import is null) return NotFound();
        return await ShowAsync(import, Sheet, MappingJson(), ct);
    }

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        var outcome = await StartImport.ConfirmAsync(Id, Sheet, MappingJson(), db, files, limits.Value, signal, clock, ct);
        if (outcome.Failure == Infrastructure.Http.Failure.NotFound) return NotFound();
        if (outcome.Succeeded) return RedirectToPage("Status", new { id = Id });
        foreach (var e in outcome.Errors ?? []) ModelState.AddModelError("", e.Message);
        var import = await db.SupplierImports.AsNoTracking().FirstAsync(i => i.Id == Id, ct);
        return await ShowAsync(import, Sheet, MappingJson(), ct);
    }

    /// <summary>The selects post every field; an empty one unmaps it.</summary>
    private string MappingJson() => JsonSerializer.Serialize(Mapping.ToDictionary(m => m.Key, m => string.IsNullOrEmpty(m.Value) ? null : m.Value));

    private async Task<IActionResult> ShowAsync(SupplierImport import, string? sheet, string mappingJson, CancellationToken ct)
    {
        FileName = import.FileName;
        var outcome = await PreviewImport.HandleAsync(await files.LocalPathAsync(import.FileKey, ct), sheet, mappingJson, db, limits.Value, ct);
        if (outcome.Succeeded)
        {
            Result = outcome.Value;
            Mapping = ImportFields.Supplier.ToDictionary(f => f, f => Result!.Mapping.GetValueOrDefault(f));
            Sheet = Result!.Sheet;
        }
        else
        {
            foreach (var e in outcome.Errors ?? []) ModelState.AddModelError("", e.Message);
            // Show the file's columns anyway, so the mapping can be fixed.
            var fallback = await PreviewImport.HandleAsync(await files.LocalPathAsync(import.FileKey, ct), import.Sheet, null, db, limits.Value, ct);
            Result = fallback.Value;
        }
        return Page();
    }
}
