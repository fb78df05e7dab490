using Compliance.Domain.Grievances;
using Compliance.Web.Features.Grievances;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.Grievances;

/// <summary>
/// The grievance register. Every member sees counts, categories, statuses, ages and deadlines; only a GrievanceHandler
/// opens a case. Admins set the deadlines here.
/// </summary>
public sealed class IndexModel(ComplianceDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public GrievanceStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public GrievanceCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Breached { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public GrievanceCases.ListResult List { get; private set; } = null!;
    public GrievanceSlaPolicy Sla { get; private set; } = GrievanceSlaPolicy.Default;
    public string Slug { get; private set; } = "";
    public bool MayReadContent => GrievanceCases.MayReadContent(User);
    public bool IsAdmin => User.IsInRole(nameof(Compliance.Domain.Tenancy.Role.Admin));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSlaAsync(int acknowledgeDays, int outcomeDays, CancellationToken ct)
    {
        if (!IsAdmin) return Forbid();
        var updated = await GrievanceSlaSettings.UpdateAsync(new GrievanceSlaPolicy(acknowledgeDays, outcomeDays), db, clock, ct);
        if (!updated.Succeeded)
        {
            updated.AddTo(ModelState, "Sla");
            await LoadAsync(ct);
            return Page();
        }
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        List = await GrievanceCases.ListAsync(new GrievanceCases.Query(Status, Category, Breached: Breached, Page: PageNumber), db, clock, ct);
        Sla = await GrievanceSlaSettings.CurrentAsync(db, ct);
        var organizationId = db.Tenant.RequiredOrganizationId;
        Slug = db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Slug).First();
    }
}
