using Compliance.Domain.Suppliers;
using Compliance.Web.Features.Suppliers.Import;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Compliance.Web.Pages.Suppliers.Import;

/// <summary>Step 1 of the upload: the file (and a sheet of a workbook) is stored as a draft, then previewed.</summary>
public sealed class IndexModel(ComplianceDbContext db, IImportFileStore files, IOptions<ImportLimits> limits, ImportSignal signal, TimeProvider clock) : PageModel
{
    public sealed record Recent(Guid Id, string FileName, ImportStatus Status, int TotalRows, int AddedRows, int UpdatedRows, int RejectedRows, DateTime CreatedAt);

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Sheet { get; set; }

    public IReadOnlyList<Recent> Imports { get; private set; } = [];
    public long MaxFileMegabytes => limits.Value.MaxFileBytes / 1024 / 1024;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), Upload is null ? "Choose a CSV or XLSX file." : "The file is empty (0 bytes).");
            await LoadAsync(ct);
            return Page();
        }
        await using var content = Upload.OpenReadStream();
        var outcome = await StartImport.HandleAsync(new StartImport.Upload(content, Upload.FileName, null, Sheet), queue: false,
            StartImport.ActorOf(User), db, files, limits.Value, signal, clock, ct);
        if (!outcome.Succeeded)
        {
            foreach (var e in outcome.Errors ?? []) ModelState.AddModelError(e.Field == "file" ? nameof(Upload) : "", e.Message);
            await LoadAsync(ct);
            return Page();
        }
        return RedirectToPage("Preview", new { id = outcome.Value!.Id });
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Imports = await db.SupplierImports.AsNoTracking().OrderByDescending(i => i.CreatedAt).Take(10)
            .Select(i => new Recent(i.Id, i.FileName, i.Status, i.TotalRows, i.AddedRows, i.UpdatedRows, i.RejectedRows, i.CreatedAt))
            .ToListAsync(ct);
}
