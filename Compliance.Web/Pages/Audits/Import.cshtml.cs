using Compliance.Web.Features.Audits;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.Audits;

/// <summary>The same handler as POST /api/v1/audits/imports. Write policy (Program.cs).</summary>
public sealed class ImportModel(ComplianceDbContext db, TimeProvider clock) : PageModel
{
    public ImportAuditResults.Summary? Result { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? sheet, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", file is null ? "Choose the results file to upload." : "The file is empty (0 bytes).");
            return Page();
        }
        if (file.Length > ImportAuditResults.Limits.MaxFileBytes)
        {
            ModelState.AddModelError("", $"The file is {file.Length:N0} bytes; the limit is {ImportAuditResults.Limits.MaxFileBytes:N0}.");
            return Page();
        }
        var path = Path.GetTempFileName();
        try
        {
            await using (var target = System.IO.File.Create(path)) await file.CopyToAsync(target, ct);
            var outcome = await ImportAuditResults.HandleAsync(path, string.IsNullOrWhiteSpace(sheet) ? null : sheet.Trim(), db, clock, ct);
            if (outcome.Succeeded) Result = outcome.Value;
            else outcome.AddTo(ModelState, "Input");
        }
        finally
        {
            System.IO.File.Delete(path);
        }
        return Page();
    }
}
