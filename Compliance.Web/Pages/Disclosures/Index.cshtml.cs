using Compliance.Web.Features.Disclosures;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Compliance.Web.Pages.Disclosures;

/// <summary>Disclosures drafted and issued, and a form to draft one for a period.</summary>
public sealed class IndexModel(ComplianceDbContext db, TimeProvider clock) : PageModel
{
    public List<Features.Disclosures.Disclosures.Row> Rows { get; private set; } = [];
    public string Slug { get; private set; } = "";
    public bool CanWrite => User.IsInRole("Admin") || User.IsInRole("ComplianceOfficer");
    [BindProperty] public DateOnly? PeriodStart { get; set; }
    [BindProperty] public DateOnly? PeriodEnd { get; set; }
    [BindProperty] public Guid? ContractId { get; set; }
    public List<(Guid Id, string Number, string Agency)> Contracts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var year = clock.GetUtcNow().Year - 1;
        PeriodStart ??= new DateOnly(year, 1, 1);
        PeriodEnd ??= new DateOnly(year, 12, 31);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        var created = await Features.Disclosures.Disclosures.CreateAsync(new(ContractId is null ? "california-tisc" : "far-trafficking", PeriodStart, PeriodEnd, ContractId),
            ComplianceClaims.ActorOf(User) ?? "unknown", db, clock, ct);
        if (created.Succeeded) return RedirectToPage("Details", new { id = created.Value });
        created.AddTo(ModelState, "");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await Features.Disclosures.Disclosures.ListAsync(db, ct);
        Contracts = [.. (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.FederalContracts.OrderBy(c => c.Number).Select(c => new { c.Id, c.Number, c.Agency }), ct)).Select(c => (c.Id, c.Number, c.Agency))];
        var year = clock.GetUtcNow().Year - 1;
        PeriodStart ??= new DateOnly(year, 1, 1);
        PeriodEnd ??= new DateOnly(year, 12, 31);
        var organizationId = db.Tenant.RequiredOrganizationId;
        Slug = db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Slug).First();
    }
}
