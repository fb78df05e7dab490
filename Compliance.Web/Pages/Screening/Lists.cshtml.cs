using Compliance.Web.Features.Screening;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Quartz;

namespace Compliance.Web.Pages.Screening;

/// <summary>The stored list editions, a form to compare two, and (Admin) the import of the organization's own entity list. Same handlers as /api/v1/risk-lists.</summary>
public sealed class ListsModel(ComplianceDbContext db, ISchedulerFactory schedulers, ScreeningSignal signal, TimeProvider clock, IConfiguration configuration) : PageModel
{
    public IReadOnlyList<ListRiskLists.Edition> Editions { get; private set; } = [];
    public bool IsAdmin => User.IsInRole("Admin");
    [TempData] public string? Message { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Edition { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Editions = await ListRiskLists.HandleAsync(db, ct);

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (!IsAdmin) return Forbid();
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), "Choose a CSV file with the columns name, aliases, country, source.");
        else if (Upload.Length > configuration.GetValue("Screening:MaxListBytes", ImportRiskList.DefaultMaxBytes)) ModelState.AddModelError(nameof(Upload), "The file is too large.");
        else
        {
            var actor = ComplianceClaims.ActorOf(User) ?? "unknown";
            await using var content = Upload.OpenReadStream();
            var result = await ImportRiskList.HandleAsync(new ImportRiskList.Request("entity", Name, Edition, null, null, false, Path.GetFileName(Upload.FileName), content),
                actor, ImportRiskList.IsPlatformOperator(configuration, User), db, schedulers, signal, clock, ct);
            if (result.Edition is { } stored)
            {
                Message = result.Created
                    ? $"{stored.Name} {stored.Edition_} imported: {stored.EntryCount} entities. Your suppliers are being screened against it."
                    : $"This file is already stored as {stored.Name} {stored.Edition_}.";
                return RedirectToPage();
            }
            foreach (var e in result.Errors ?? []) ModelState.AddModelError(e.Field == "file" ? nameof(Upload) : char.ToUpperInvariant(e.Field[0]) + e.Field[1..], e.Message);
        }
        Editions = await ListRiskLists.HandleAsync(db, ct);
        return Page();
    }
}
